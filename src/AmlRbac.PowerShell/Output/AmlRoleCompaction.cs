using AmlRbac.Authoring;
using AmlRbac.Output;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Output;

/// <summary>One wildcard of a compaction (the engine's <see cref="CompactedEntry"/>), read as amlrbac role reads it.</summary>
public sealed class AmlCompactedEntry
{
    private readonly string _text;

    private AmlCompactedEntry(string text) => _text = text;

    /// <summary>Actions or DataActions.</summary>
    public required string List { get; init; }
    public required string Wildcard { get; init; }
    /// <summary>The exact entries the wildcard replaced.</summary>
    public ReadableList<string> Replaced { get; init; } = new();

    public static AmlCompactedEntry From(CompactedEntry entry) => new(RoleReportText.Replacement(entry))
    {
        List = entry.List,
        Wildcard = entry.Wildcard,
        Replaced = ReadableList.Of(entry.Replaced),
    };

    public override string ToString() => _text;
}

/// <summary>
/// -Compact's evidence as PowerShell shows it: the properties of the engine's <see cref="RoleCompaction"/> with the
/// same names, the two roles as role definitions of the output's shape, and its summary as its ToString.
/// </summary>
public sealed class AmlRoleCompaction
{
    private readonly string _summary;

    private AmlRoleCompaction(string summary) => _summary = summary;

    public required AmlRoleDefinition Compact { get; init; }
    public required AmlRoleDefinition Explicit { get; init; }
    public ReadableList<AmlCompactedEntry> Replacements { get; init; } = new();
    /// <summary>The compact role compared with the explicit one; Same is the proof.</summary>
    public required AmlRoleComparison Proof { get; init; }

    public static AmlRoleCompaction From(RoleCompaction compaction, RoleShape shape) => new(RoleReportText.CompactionSummary(compaction))
    {
        Compact = AmlRoleDefinition.From(compaction.Compact, shape),
        Explicit = AmlRoleDefinition.From(compaction.Explicit, shape),
        Replacements = ReadableList.Of(compaction.Replacements, AmlCompactedEntry.From),
        Proof = AmlRoleComparison.From(compaction.Proof),
    };

    public override string ToString() => _summary;
}
