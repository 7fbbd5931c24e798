using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>How a diff's changed decisions are grouped for people.</summary>
public enum DiffGrouping
{
    Principal,
    Workspace,
}

/// <summary>
/// The answer of amlrbac diff and Compare-AmlRbacSnapshot: the two snapshots (with their digests, evidence for an
/// audit), every item that changed between them, and every decision that changed, ordered by principal, then
/// workspace, then what was asked.
/// </summary>
public sealed record SnapshotDiff
{
    /// <summary>The earlier snapshot; null when the tenants were given in memory.</summary>
    public SnapshotEvidence? Before { get; init; }
    public SnapshotEvidence? After { get; init; }
    public required IReadOnlyList<SnapshotChange> Items { get; init; }
    public required IReadOnlyList<DecisionChange> Decisions { get; init; }
    /// <summary>How many (principal, scope) pairs a changed item could affect, each asked about in both snapshots.</summary>
    public required int PairsEvaluated { get; init; }

    /// <summary>True when any decision changed: what exit code 1 says.</summary>
    public bool HasChanges => Decisions.Count > 0;

    /// <summary>The changed decisions grouped by principal (by name, then id) or by workspace (by id), each group in <see cref="Decisions"/> order.</summary>
    public IReadOnlyList<IGrouping<string, DecisionChange>> GroupBy(DiffGrouping grouping) => grouping == DiffGrouping.Principal
        ? Decisions.GroupBy(d => d.PrincipalId, StringComparer.OrdinalIgnoreCase).ToList()
        : Decisions.GroupBy(d => d.Workspace, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
}
