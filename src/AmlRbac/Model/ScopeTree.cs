using System.Collections.Concurrent;

namespace AmlRbac.Model;

/// <summary>
/// Every scope the evaluator has seen, each with its chain of ancestors up to "/". A subscription's
/// parent is the management group that holds it and a management group's parent is its parent group,
/// from the tenant's hierarchy, so an assignment on a management group reaches the subscriptions and
/// resources below it ([OV] overview.md: "Access granted at a parent scope is inherited by child
/// scopes"; management groups sit above subscriptions). Without hierarchy data both sit under "/".
/// Scopes asked about later are added on first use; lookups of known scopes do not allocate.
/// </summary>
internal sealed class ScopeTree
{
    private readonly ConcurrentDictionary<string, int> _ids = new(ScopeTextComparer.Instance);
    private readonly Dictionary<string, string?> _managementGroupParent = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _subscriptionGroup = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private ScopeNode[] _nodes = new ScopeNode[64];
    private int _count;

    public ScopeTree(IEnumerable<ManagementGroup> managementGroups)
    {
        foreach (var group in managementGroups)
        {
            _managementGroupParent[group.Id] = string.IsNullOrWhiteSpace(group.Parent) ? null : group.Parent;
            foreach (var subscription in group.Subscriptions)
            {
                _subscriptionGroup[subscription] = group.Id;
            }
        }
        Intern(Scope.Root);
    }

    public ScopeNode this[int id] => Volatile.Read(ref _nodes)[id];

    /// <summary>The node of a scope string, parsing and adding it if it is new (throws ScopeInvalid).</summary>
    public ScopeNode Get(string scope)
    {
        if (_ids.TryGetValue(scope, out var id))
        {
            return this[id];
        }
        return this[Intern(Scope.Parse(scope), alias: scope)];
    }

    public ScopeNode Get(Scope scope) => _ids.TryGetValue(scope.Value, out var id) ? this[id] : this[Intern(scope)];

    private int Intern(Scope scope, string? alias = null) => Intern(scope, alias, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    // `interning` holds the scopes whose parents are being resolved, so a cyclic management-group
    // hierarchy (broken data) ends at "/" instead of recursing forever.
    private int Intern(Scope scope, string? alias, HashSet<string> interning)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(scope.Value, out var existing))
            {
                if (alias is not null)
                {
                    _ids.TryAdd(alias, existing);
                }
                return existing;
            }
            interning.Add(scope.Value);
            var parentScope = ParentOf(scope);
            if (parentScope is not null && interning.Contains(parentScope.Value))
            {
                parentScope = Scope.Root;
            }
            var parent = parentScope is null ? null : this[Intern(parentScope, null, interning)];
            var id = _count;
            var ancestors = new int[(parent?.Ancestors.Length ?? 0) + 1];
            ancestors[0] = id;
            parent?.Ancestors.CopyTo(ancestors, 1);
            if (id == _nodes.Length)
            {
                var grown = new ScopeNode[_nodes.Length * 2];
                Array.Copy(_nodes, grown, _nodes.Length);
                Volatile.Write(ref _nodes, grown);
            }
            _nodes[id] = new ScopeNode(id, scope, parent?.Id ?? -1, ancestors);
            _count++;
            _ids[scope.Value] = id;
            if (alias is not null)
            {
                _ids.TryAdd(alias, id);
            }
            return id;
        }
    }

    private Scope? ParentOf(Scope scope)
    {
        switch (scope.Level)
        {
            case ScopeLevel.Subscription when _subscriptionGroup.TryGetValue(scope.SubscriptionId!, out var group):
                return Scope.ForManagementGroup(group);
            case ScopeLevel.ManagementGroup:
                if (_managementGroupParent.TryGetValue(scope.ManagementGroupId!, out var parent) && parent is not null)
                {
                    return Scope.ForManagementGroup(parent);
                }
                return Scope.Root;
            default:
                return scope.Parent;
        }
    }
}

/// <summary>A scope with its id in the tree and its ancestors, itself first and "/" last.</summary>
internal sealed record ScopeNode(int Id, Scope Scope, int ParentId, int[] Ancestors)
{
    /// <summary>True when <paramref name="ancestorId"/> is this scope or one above it.</summary>
    public bool IsAtOrBelow(int ancestorId)
    {
        foreach (var id in Ancestors)
        {
            if (id == ancestorId)
            {
                return true;
            }
        }
        return false;
    }
}
