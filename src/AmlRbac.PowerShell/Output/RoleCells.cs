using AmlRbac.Output;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// The values of the role view in AmlRbac.Format.ps1xml that take more than a property: a list one entry per line,
/// whatever the Az shape, and the evidence in lines of the width the view gives.
/// </summary>
public static class RoleCells
{
    /// <summary>
    /// The entries of one of Actions, NotActions, DataActions or NotDataActions, one per line: the flat list, or
    /// that list of every permission block.
    /// </summary>
    public static string Entries(AmlRoleDefinition role, string list) => string.Join('\n', list switch
    {
        nameof(AmlPermission.Actions) => role.Actions ?? Blocks(role, b => b.Actions),
        nameof(AmlPermission.NotActions) => role.NotActions ?? Blocks(role, b => b.NotActions),
        nameof(AmlPermission.DataActions) => role.DataActions ?? Blocks(role, b => b.DataActions),
        nameof(AmlPermission.NotDataActions) => role.NotDataActions ?? Blocks(role, b => b.NotDataActions),
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Not a list of a role definition."),
    });

    /// <summary>Items one per line.</summary>
    public static string Lines(IEnumerable<string> items) => string.Join('\n', items);

    /// <summary>
    /// One line per finding, "Warning AMLR009 SecretAccess: Actions 'Microsoft.../workspaces/*/action'", the entry
    /// shortened from the left to fit <paramref name="width"/>; the message is the finding's ToString (and -Verbose).
    /// </summary>
    public static string Findings(AmlRoleDefinition role, int width) => string.Join('\n', role.Findings.Select(f =>
    {
        var rule = $"{f.Severity} {f.Id} {f.Rule}";
        var where = f.List is null ? string.Empty : f.List + " ";
        return f.Entry is null ? rule : $"{rule}: {where}'{TextWrap.Shorten(f.Entry, width - rule.Length - where.Length - 4)}'";
    }));

    /// <summary>The comparison's sentence wrapped to <paramref name="width"/>.</summary>
    public static string Comparison(AmlRoleDefinition role, int width) =>
        role.Comparison is { } comparison ? string.Join('\n', TextWrap.Wrap(comparison.ToString(), width)) : string.Empty;

    /// <summary>The compaction's sentence, then its wildcards, in lines of <paramref name="width"/>.</summary>
    public static string Compaction(AmlRoleDefinition role, int width) =>
        role.Compaction is { } compaction
            ? string.Join('\n', TextWrap.Wrap(compaction.ToString(), width).Concat(TextWrap.Bullets(compaction.Replacements.Select(r => r.ToString()), width)))
            : string.Empty;

    private static IEnumerable<string> Blocks(AmlRoleDefinition role, Func<AmlPermission, List<string>> list) =>
        (role.Permissions ?? new List<AmlPermission>()).SelectMany(list);
}
