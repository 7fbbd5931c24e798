using AmlRbac.Model;

namespace AmlRbac.Policy;

internal enum Reach
{
    No,
    Yes,
    Unknown,
}

/// <summary>
/// Whether an assignment, notScope or exemption scope covers a workspace. Below a subscription this is an id prefix
/// at a segment boundary ("Assignments at a scope apply to all resources at that scope and below" [BASICS]); a
/// management group covers the subscriptions below it in the hierarchy, which the workspace id does not carry, so
/// without the hierarchy the answer is Unknown. The hierarchy is the RBAC evaluator's <see cref="ScopeTree"/>.
/// </summary>
internal sealed class PolicyScopeReach
{
    private readonly ScopeTree _tree;

    public PolicyScopeReach(IEnumerable<ManagementGroup> groups) => _tree = new ScopeTree(groups);

    public Reach Covers(Scope scope, Scope target)
    {
        if (scope.Level != ScopeLevel.ManagementGroup)
        {
            return scope.IsAtOrAbove(target) ? Reach.Yes : Reach.No;
        }
        var node = _tree.Get(target);
        // The tree hangs a subscription the hierarchy does not place directly under "/": no management group can
        // then be said to hold it, or not to.
        if (!node.Ancestors.Any(id => _tree[id].Scope.Level == ScopeLevel.ManagementGroup))
        {
            return Reach.Unknown;
        }
        return node.IsAtOrBelow(_tree.Get(scope).Id) ? Reach.Yes : Reach.No;
    }
}
