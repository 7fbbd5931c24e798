using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// A role definition compiled against the catalog: for every catalog operation, whether the role
/// grants it unconditionally, only under a permission-level condition, or not at all. A role's grant
/// is the union of its blocks' grants ([RD]: the role's permissions are its blocks together; a role may have
/// several blocks, each with its own condition [AZPS-PERMISSIONS], so each block is evaluated with its condition:
/// inference).
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
        foreach (var block in Blocks)
        {
            _conditional.UnionWith(block.Covers);
            var free = new OperationSet(catalog.Operations.Count);
            free.UnionWith(block.Covers);
            free.ExceptWith(block.Gated);
            _unconditional.UnionWith(free);
        }
        _conditional.ExceptWith(_unconditional);
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
        var best = GrantKind.None;
        foreach (var block in Blocks)
        {
            var grant = block.Grant(action.Name, action.IsDataAction);
            if (grant > best)
            {
                best = grant;
            }
        }
        return best;
    }
}
