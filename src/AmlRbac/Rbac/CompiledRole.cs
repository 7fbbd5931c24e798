using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// A role definition compiled against the catalog: for every catalog operation, whether the role
/// grants it unconditionally, only under a permission-level condition, or not at all. A role grants
/// what its best block grants ([RD] role-definitions.md: the role's permissions are its blocks
/// together, each block's NotActions subtracting from that block only, each block's condition
/// applying to that block only). Nothing is compiled until the role is first asked about: the catalog
/// holds every built-in role, and one question looks at few of them.
/// </summary>
internal sealed class CompiledRole
{
    private readonly AmlCatalog _catalog;
    private readonly Lazy<CompiledPermission[]> _blocks;
    private readonly Lazy<(OperationSet Unconditional, OperationSet Conditional)> _grants;
    private readonly Lazy<bool> _reachesBeyond;

    public CompiledRole(RoleDefinition definition, AmlCatalog catalog)
    {
        Definition = definition;
        _catalog = catalog;
        _blocks = new(() => definition.Permissions.Select(p => new CompiledPermission(p, catalog)).ToArray());
        _grants = new(Unite);
        _reachesBeyond = new(() => Blocks.Any(b => b.ReachesBeyond(catalog)));
    }

    public RoleDefinition Definition { get; }

    public CompiledPermission[] Blocks => _blocks.Value;

    /// <summary>How many catalog operations the role grants (conditionally or not): its breadth.</summary>
    public int GrantedOperationCount => _grants.Value.Unconditional.Count + _grants.Value.Conditional.Count;

    /// <summary>True when the role also grants operations of providers the catalog does not list, so it is broader than its count says.</summary>
    public bool ReachesBeyondCatalog => _reachesBeyond.Value;

    /// <summary>The catalog operations the role grants, with or without a condition, by index ascending.</summary>
    public IReadOnlyList<int> GrantedIndexes()
    {
        var granted = new OperationSet(_catalog.Operations.Count);
        granted.UnionWith(_grants.Value.Unconditional);
        granted.UnionWith(_grants.Value.Conditional);
        return granted.Indexes();
    }

    /// <summary>How the role grants an operation: by its catalog index when it has one, else by matching.</summary>
    public GrantKind Grant(in ResolvedAction action)
    {
        if (action.CatalogIndex >= 0)
        {
            var (unconditional, conditional) = _grants.Value;
            return unconditional.Contains(action.CatalogIndex) ? GrantKind.Unconditional
                : conditional.Contains(action.CatalogIndex) ? GrantKind.Conditional
                : GrantKind.None;
        }
        return BestOfBlocks(action);
    }

    /// <summary>How the role grants an operation, by matching its entries alone: for one look at a role whose answers for the whole catalog are not worked out.</summary>
    public GrantKind BestOfBlocks(in ResolvedAction action)
    {
        var best = GrantKind.None;
        foreach (var block in Blocks)
        {
            var grant = block.KindOf(action with { CatalogIndex = -1 });
            if (grant > best)
            {
                best = grant;
            }
        }
        return best;
    }

    // The best of the blocks for every catalog operation: granted unconditionally by any block, else under a condition by any.
    private (OperationSet, OperationSet) Unite()
    {
        var unconditional = new OperationSet(_catalog.Operations.Count);
        var conditional = new OperationSet(_catalog.Operations.Count);
        foreach (var block in Blocks)
        {
            unconditional.UnionWith(block.Unconditional);
            conditional.UnionWith(block.Conditional);
        }
        conditional.ExceptWith(unconditional);
        return (unconditional, conditional);
    }
}
