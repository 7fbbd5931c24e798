using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>What a changed decision is about.</summary>
public enum ChangedDecisionKind
{
    /// <summary>One operation (a catalog operation, a privileged operation, or one a changed role definition touches).</summary>
    Operation,
    /// <summary>One catalog activity (every required operation allowed).</summary>
    Activity,
    /// <summary>Azure Policy's verdict on deploying one model into one workspace, whoever deploys it.</summary>
    ModelDeployment,
}

/// <summary>
/// One (principal, operation or activity, scope) whose decision differs between two snapshots: the decision before,
/// the decision after, and the changed items that explain it (<see cref="Causes"/>).
/// </summary>
public sealed record DecisionChange
{
    /// <summary>What <see cref="PrincipalId"/> holds for a model deployment verdict: Azure Policy judges the request whoever sends it.</summary>
    public const string Anyone = "*";

    /// <summary>The principal's object id; <see cref="Anyone"/> for a <see cref="ChangedDecisionKind.ModelDeployment"/>.</summary>
    public required string PrincipalId { get; init; }
    public string? PrincipalName { get; init; }
    public required ChangedDecisionKind Kind { get; init; }
    /// <summary>The operation or the activity's name; for a model deployment, the operation that creates it.</summary>
    public required string Asked { get; init; }
    /// <summary>For a model deployment, the model's asset id.</summary>
    public string? Model { get; init; }
    public required string Scope { get; init; }
    /// <summary>The Azure ML workspace or registry <see cref="Scope"/> is or lies in, else the scope itself: what grouping by workspace groups on.</summary>
    public required string Workspace { get; init; }
    public required Outcome Before { get; init; }
    public required Outcome After { get; init; }
    public required IReadOnlyList<SnapshotChange> Causes { get; init; }
}
