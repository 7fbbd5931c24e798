using AmlRbac.Authoring;
using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>One role assignment of the snapshot, what the activity log shows of its use, and what to do with it.</summary>
public sealed record AssignmentUse
{
    public required RoleAssignment Assignment { get; init; }
    /// <summary>The role's name, or null when neither the snapshot nor the catalog holds the role.</summary>
    public string? RoleName { get; init; }
    /// <summary>The principal's display name when the snapshot gives one.</summary>
    public string? PrincipalName { get; init; }
    /// <summary>The operations performed through it in the window, by name.</summary>
    public required IReadOnlyList<OperationUse> Used { get; init; }
    /// <summary>The catalog operations the role grants of the kinds the log records (control-plane writes, deletes, actions) and nobody used.</summary>
    public required IReadOnlyList<string> NeverUsed { get; init; }
    /// <summary>How many catalog reads the role grants: the activity log does not record reads, so their use is unknown.</summary>
    public required int UnloggedReads { get; init; }
    /// <summary>How many catalog data actions the role grants: the activity log does not record the data plane.</summary>
    public required int UnloggedDataActions { get; init; }
    /// <summary>True when the role also grants operations of providers the catalog does not list ("*" ...).</summary>
    public required bool ReachesBeyondCatalog { get; init; }
    public required UnusedRecommendation Recommendation { get; init; }
    /// <summary>Why, in a sentence.</summary>
    public required string Why { get; init; }
    /// <summary>For <see cref="UnusedRecommendation.Replace"/> (and a Keep that was checked): the narrower custom role.</summary>
    public RoleDefinition? Replacement { get; init; }
    /// <summary>The replacement compared with the current role: <see cref="RoleComparison.GrantsNoMore"/> is the proof.</summary>
    public RoleComparison? Proof { get; init; }
    /// <summary>True when the replacement grants every operation used (checked by the evaluator, catalog or not).</summary>
    public bool CoversUsed { get; init; }
}
