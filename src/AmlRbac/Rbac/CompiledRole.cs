using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// A role definition compiled against the catalog: for every catalog operation, whether the role
/// grants it unconditionally, only under a permission-level condition, or not at all. A role grants
/// what its best block grants ([RD] role-definitions.md: the role's permissions are its blocks
/// together, each block's NotActions subtracting from that block only, each block's condition
/// applying to that block only).
/// </summary>
internal sealed class CompiledRole
{
    private readonly OperationSet _unconditional;
    private readonly OperationSet _conditional;

    public CompiledRole(RoleDefinition definition, AmlCatalog catalog)
    {
        Definition = definition;
        Blocks = definition.Permissions.Select(p => new CompiledPermission(p, catalog)).ToArray();
        _unconditional = new OperationSet(catalog.Operations.Count);
        _conditional = new OperationSet(catalog.Operations.Count);
        for (var i = 0; i < catalog.Operations.Count; i++)
        {
            var operation = catalog.Operations[i];
            var grant = BestOfBlocks(new ResolvedAction(operation.Name, i, operation.IsDataAction));
            if (grant == GrantKind.Unconditional)
            {
                _unconditional.Add(i);
            }
            else if (grant == GrantKind.Conditional)
            {
                _conditional.Add(i);
            }
        }
        GrantedOperationCount = _unconditional.Count + _conditional.Count;
    }

    public RoleDefinition Definition { get; }

    public CompiledPermission[] Blocks { get; }

    /// <summary>How many catalog operations the role grants (conditionally or not): its breadth.</summary>
    public int GrantedOperationCount { get; }

    /// <summary>How the role grants an operation: by its catalog index when it has one, else by matching.</summary>
    public GrantKind Grant(in ResolvedAction action)
    {
        if (action.CatalogIndex >= 0)
        {
            return _unconditional.Contains(action.CatalogIndex) ? GrantKind.Unconditional
                : _conditional.Contains(action.CatalogIndex) ? GrantKind.Conditional
                : GrantKind.None;
        }
        return BestOfBlocks(action);
    }

    private GrantKind BestOfBlocks(in ResolvedAction action)
    {
        var best = GrantKind.None;
        foreach (var block in Blocks)
        {
            var grant = block.KindOf(action);
            if (grant > best)
            {
                best = grant;
            }
        }
        return best;
    }
}
