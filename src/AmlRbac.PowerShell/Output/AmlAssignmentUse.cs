using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One role assignment's use over an activity log's window, as Get-AmlUnusedAccess writes it: the engine's
/// <see cref="AssignmentUse"/> with the names of docs/UNUSED.md, lists that Export-Csv writes readably, and the narrower
/// role (Replace) as New-AmlCustomRole writes a role, so it pipes to the same places. ToString is the recommendation and why.
/// </summary>
public sealed class AmlAssignmentUse
{
    public required string Recommendation { get; init; }
    public required string Why { get; init; }
    public required string AssignmentId { get; init; }
    public required string PrincipalId { get; init; }
    public string? PrincipalName { get; init; }
    public required string PrincipalType { get; init; }
    public string? RoleName { get; init; }
    public required string RoleDefinitionId { get; init; }
    public required string Scope { get; init; }
    public bool Eligible { get; init; }
    public string? Condition { get; init; }
    /// <summary>The operations used, each "operation (n time(s), last time, by callers)".</summary>
    public ReadableList<string> Used { get; init; } = new();
    public ReadableList<string> NeverUsed { get; init; } = new();
    public int UnloggedReads { get; init; }
    public int UnloggedDataActions { get; init; }
    public bool ReachesBeyondCatalog { get; init; }
    public AmlRoleDefinition? Replacement { get; init; }
    public AmlRoleComparison? Proof { get; init; }
    public bool CoversUsed { get; init; }
    /// <summary>The window judged: the activity log's first and last record.</summary>
    public DateTimeOffset WindowFrom { get; init; }
    public DateTimeOffset WindowTo { get; init; }
    public required string ActivityLog { get; init; }

    public static IEnumerable<AmlAssignmentUse> From(UnusedAccessReport report) => report.Assignments.Select(a => new AmlAssignmentUse
    {
        Recommendation = a.Recommendation.ToString(),
        Why = a.Why,
        AssignmentId = a.Assignment.Id,
        PrincipalId = a.Assignment.PrincipalId,
        PrincipalName = a.PrincipalName,
        PrincipalType = a.Assignment.PrincipalType.ToString(),
        RoleName = a.RoleName,
        RoleDefinitionId = a.Assignment.RoleDefinitionId,
        Scope = a.Assignment.Scope,
        Eligible = a.Assignment.IsEligible,
        Condition = a.Assignment.Condition,
        Used = ReadableList.Of(a.Used.Select(u => $"{u.Operation} ({u.Records} time(s), last {UnusedAccessJson.Time(u.Last)}, by {string.Join(", ", u.Callers)})")),
        NeverUsed = ReadableList.Of(a.NeverUsed),
        UnloggedReads = a.UnloggedReads,
        UnloggedDataActions = a.UnloggedDataActions,
        ReachesBeyondCatalog = a.ReachesBeyondCatalog,
        Replacement = a.Recommendation == UnusedRecommendation.Replace && a.Replacement is { } role ? AmlRoleDefinition.From(role, RoleShape.Permissions) : null,
        Proof = a.Proof is { } proof ? AmlRoleComparison.From(proof) : null,
        CoversUsed = a.CoversUsed,
        WindowFrom = report.From,
        WindowTo = report.To,
        ActivityLog = report.ActivityLog,
    });

    public override string ToString() => $"{Recommendation}: {Why}";
}
