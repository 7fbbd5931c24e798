using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// A deny assignment compiled for checks: the one place that decides whether it denies a principal an
/// operation at a scope (<see cref="Denies"/>). The rule ([DA] deny-assignments.md,
/// https://learn.microsoft.com/azure/role-based-access-control/deny-assignments): it applies when the
/// principal or one of its groups is in Principals, or Principals holds the all-principals id; neither
/// the principal nor any of its groups is in ExcludePrincipals; the deny is at the scope asked about,
/// or above it unless DoNotApplyToChildScopes; and it denies the operations its blocks cover, Actions -
/// NotActions for a control operation and DataActions - NotDataActions for a data operation (the block
/// rule of <see cref="CompiledPermission"/>).
/// </summary>
internal sealed class CompiledDeny
{
    private readonly HashSet<int>? _principals; // null: all principals
    private readonly HashSet<int> _excluded;
    private readonly CompiledPermission[] _blocks;

    /// <param name="source">The deny assignment.</param>
    /// <param name="scopeId">The id of its scope in the evaluator's scope tree.</param>
    /// <param name="principals">The evaluator's directory, which numbers the principals the deny names.</param>
    /// <param name="catalog">The catalog its blocks are compiled against.</param>
    public CompiledDeny(DenyAssignment source, int scopeId, PrincipalDirectory principals, AmlCatalog catalog)
    {
        Source = source;
        ScopeId = scopeId;
        var everyone = source.Principals.Any(p => PrincipalIdComparer.Instance.Equals(p, ObjectIds.AllPrincipals));
        _principals = everyone ? null : source.Principals.Select(p => principals.Add(p, PrincipalType.Unknown)).ToHashSet();
        _excluded = source.ExcludePrincipals.Select(p => principals.Add(p, PrincipalType.Unknown)).ToHashSet();
        // A deny's block is read for what it covers; a condition on it is not evaluated, so the deny is
        // taken to cover it always (it never makes a deny "conditional").
        _blocks = source.Permissions.Select(p => new CompiledPermission(p with { Condition = null }, catalog)).ToArray();
    }

    public DenyAssignment Source { get; }

    public int ScopeId { get; }

    /// <summary>
    /// The entry of the deny that denies the operation to the principal whose closure (itself and its
    /// groups) is given, at <paramref name="node"/>; null when the deny does not deny it.
    /// </summary>
    public string? Denies(int[] closure, ScopeNode node, in ResolvedAction action)
    {
        if (!Reaches(node) || (_principals is not null && !Intersects(closure, _principals)) || Intersects(closure, _excluded))
        {
            return null;
        }
        foreach (var block in _blocks)
        {
            var grant = block.Grant(action);
            if (grant.Grants)
            {
                return grant.GrantedBy!.Text;
            }
        }
        return null;
    }

    /// <summary>True when the deny applies at <paramref name="node"/>: at its own scope, or below it unless DoNotApplyToChildScopes.</summary>
    public bool Reaches(ScopeNode node) =>
        Source.DoNotApplyToChildScopes ? node.Id == ScopeId : node.IsAtOrBelow(ScopeId);

    private static bool Intersects(int[] closure, HashSet<int> set)
    {
        foreach (var member in closure)
        {
            if (set.Contains(member))
            {
                return true;
            }
        }
        return false;
    }
}
