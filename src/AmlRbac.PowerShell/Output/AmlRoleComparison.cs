using AmlRbac.Authoring;
using AmlRbac.Output;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// What two roles grant over the catalog, as PowerShell shows it: the properties of the engine's
/// <see cref="RoleComparison"/> with the same names, and the comparison in one sentence as its ToString, worded by
/// <see cref="RoleReportText"/> as amlrbac role words it.
/// </summary>
public sealed class AmlRoleComparison
{
    private readonly string _summary;

    private AmlRoleComparison(string summary) => _summary = summary;

    public required string RoleName { get; init; }
    public required string ReferenceName { get; init; }
    public ReadableList<string> OnlyInRole { get; init; } = new();
    public ReadableList<string> OnlyInReference { get; init; } = new();
    public int InBoth { get; init; }
    public int Compared { get; init; }
    public bool GrantsNoMore { get; init; }
    public bool Same { get; init; }

    public static AmlRoleComparison From(RoleComparison comparison) => new(RoleReportText.ComparisonSummary(comparison))
    {
        RoleName = comparison.RoleName,
        ReferenceName = comparison.ReferenceName,
        OnlyInRole = ReadableList.Of(comparison.OnlyInRole),
        OnlyInReference = ReadableList.Of(comparison.OnlyInReference),
        InBoth = comparison.InBoth,
        Compared = comparison.Compared,
        GrantsNoMore = comparison.GrantsNoMore,
        Same = comparison.Same,
    };

    public override string ToString() => _summary;
}
