using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One decision that changed between two snapshots, as Compare-AmlRbacSnapshot writes it: who, what (an operation
/// or an activity; for Azure Policy's verdict on a model deployment, the operation and the model), where, the
/// decision before and after, and the changed items that explain it, in words (<see cref="Cause"/>) and as the
/// engine's records (<see cref="Causes"/>). Both files and their SHA-256 digests ride along, so that an exported
/// row is evidence of what was compared.
/// </summary>
public sealed class AmlDecisionChange
{
    /// <summary>The principal's display name when a snapshot gives one, else its object id; "*" for a model deployment verdict (anyone).</summary>
    public required string Principal { get; init; }
    public required string PrincipalId { get; init; }
    /// <summary>Operation, Activity or ModelDeployment.</summary>
    public required string Kind { get; init; }
    /// <summary>The operation asked about (for a model deployment, the one that creates it); null for an activity.</summary>
    public string? Operation { get; init; }
    public string? Activity { get; init; }
    public string? Model { get; init; }
    public required string Scope { get; init; }
    public required string Workspace { get; init; }
    public required Outcome Before { get; init; }
    public required Outcome After { get; init; }
    /// <summary>The explaining changes in words, one per line: "RoleAssignment removed: AzureML Data Scientist for Erin Walsh".</summary>
    public required string Cause { get; init; }
    public required IReadOnlyList<SnapshotChange> Causes { get; init; }
    public SnapshotEvidence? BeforeSnapshot { get; init; }
    public SnapshotEvidence? AfterSnapshot { get; init; }

    public static AmlDecisionChange From(DecisionChange change, SnapshotDiff diff) => new()
    {
        Principal = change.PrincipalName ?? change.PrincipalId,
        PrincipalId = change.PrincipalId,
        Kind = change.Kind.ToString(),
        Operation = change.Kind == ChangedDecisionKind.Activity ? null : change.Asked,
        Activity = change.Kind == ChangedDecisionKind.Activity ? change.Asked : null,
        Model = change.Model,
        Scope = change.Scope,
        Workspace = change.Workspace,
        Before = change.Before,
        After = change.After,
        Cause = string.Join(Environment.NewLine, change.Causes),
        Causes = change.Causes,
        BeforeSnapshot = diff.Before,
        AfterSnapshot = diff.After,
    };
}
