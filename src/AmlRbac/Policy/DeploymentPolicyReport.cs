using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>What Azure Policy does to deploying <see cref="Model"/> into <see cref="Workspace"/>, assignment by assignment.</summary>
public sealed record DeploymentPolicyReport
{
    public required Scope Workspace { get; init; }
    public required ModelAsset Model { get; init; }
    public required DeploymentOutcome Outcome { get; init; }

    /// <summary>Every assignment whose scope covers the workspace, in snapshot order (an initiative gives one per member).</summary>
    public required IReadOnlyList<AssignmentVerdict> Verdicts { get; init; }
}
