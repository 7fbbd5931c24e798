
namespace AmlRbac.Rbac;

/// <summary>
/// The role assignments of one principal and of every group it belongs to (transitively), grouped by
/// their scope, so a check looks up only the scopes on the path from the scope asked about
/// to "/" instead of scanning every assignment of every group (issue "The evaluator": one warm check
/// in at most 0.5 us on 100,000 assignments). Built on the principal's first check, then reused; one
/// per principal asked about, holding references to assignments the evaluator indexes anyway.
/// Each assignment keeps its position in closure order (the principal's own first, then its groups',
/// each in source order): the order a decision lists its reasons in.
/// </summary>
internal sealed class PrincipalGrants
{
    public static PrincipalGrants None { get; } = new(Array.Empty<Candidate>());

    private readonly Candidate[] _inClosureOrder;
    private readonly Dictionary<int, int[]> _positionsByScope;

    public PrincipalGrants(Candidate[] inClosureOrder)
    {
        _inClosureOrder = inClosureOrder;
        // GroupBy keeps source order, so each scope's positions are ascending.
        _positionsByScope = Enumerable.Range(0, inClosureOrder.Length)
            .GroupBy(i => inClosureOrder[i].Assignment.ScopeId)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The positions (in closure order, ascending) of the assignments made exactly at one scope.</summary>
    public ReadOnlySpan<int> At(int scopeId) =>
        _positionsByScope.TryGetValue(scopeId, out var atScope) ? atScope : ReadOnlySpan<int>.Empty;

    /// <summary>The assignment at a position in closure order, with the member of the closure holding it.</summary>
    public Candidate this[int position] => _inClosureOrder[position];
}

/// <summary>A role assignment that may bear on a question, and the member of the principal's closure holding it.</summary>
internal readonly record struct Candidate(AssignmentRef Assignment, int Member);
