using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>
/// A custom role narrowed from an assigned role to what the activity log showed its principal use: the operations used,
/// and everything the log cannot show kept as the role has it. The Azure Activity Log records control-plane writes,
/// deletes and actions (PUT, POST, DELETE), not reads (GET) and not data-plane operations ([ACTLOG-OV]), so the role's
/// reads are kept (each Actions entry that grants reads gives its read-only form) and its DataActions and
/// NotDataActions are kept whole; its NotActions are kept too, as they only take away. Every entry of the result is
/// the role's own entry, a read-only form of one (<c>X/*</c> gives <c>X/*/read</c> and <c>X/read</c>), or an operation
/// the role granted, so it grants nothing the role does not; <see cref="RoleComparison"/> proves that over the catalog,
/// and the caller checks that it grants every operation used. Built by <see cref="RoleBuilder"/>, as New-AmlCustomRole builds.
/// </summary>
public static class RoleNarrowing
{
    /// <summary>
    /// The narrowed role, or null with <paramref name="whyNot"/> when this role cannot be narrowed here: it has several
    /// permission blocks, or a block with a condition, which a role built from lists does not carry.
    /// </summary>
    public static RoleDefinition? Build(RoleDefinition role, IEnumerable<string> usedOperations, string name, string description,
        string assignableScope, string id, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (role.Permissions.Count != 1)
        {
            whyNot = $"'{role.Name}' has {role.Permissions.Count} permission blocks; a narrowed role is built from one.";
            return null;
        }
        var block = role.Permissions[0];
        if (!string.IsNullOrWhiteSpace(block.Condition))
        {
            whyNot = $"'{role.Name}' carries a condition in its permissions, which a role built from lists of operations would lose.";
            return null;
        }
        whyNot = null;
        return new RoleBuilder
        {
            Id = id,
            Name = name,
            Description = description,
            Actions = usedOperations.Concat(block.Actions.SelectMany(ReadsOf)).ToArray(),
            NotActions = block.NotActions,
            DataActions = block.DataActions,
            NotDataActions = block.NotDataActions,
            AssignableScopes = new[] { assignableScope },
        }.Build();
    }

    /// <summary>
    /// True when an Actions entry may grant a read ("…/read", or a trailing wildcard, "*", "X/*"): reads are not in the
    /// activity log, so nothing can show them unused.
    /// </summary>
    public static bool MayGrantReads(string entry) => ReadsOf(entry).Any();

    // The read-only form of an Actions entry: the reads it grants and nothing else. A wildcard matches any characters,
    // "/" included ([CR] "*" in Actions), so "X/*/read" and "X/read" are within "X/*", and "X*/read" within "X*".
    private static IEnumerable<string> ReadsOf(string entry)
    {
        var text = entry.Trim();
        if (text.EndsWith("/read", StringComparison.OrdinalIgnoreCase))
        {
            return new[] { text };
        }
        if (text == "*")
        {
            return new[] { "*/read" };
        }
        if (text.EndsWith("/*", StringComparison.Ordinal))
        {
            return new[] { text + "/read", text[..^2] + "/read" };
        }
        return text.EndsWith('*') ? new[] { text + "/read" } : Array.Empty<string>();
    }
}
