using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// One permission block with its patterns compiled: the one place that decides whether a block grants
/// an operation (<see cref="Grant"/>). The rule ([RD] role-definitions.md, "NotActions" and
/// "DataActions"): effective control permissions = Actions - NotActions, effective data permissions =
/// DataActions - NotDataActions, computed per block; a control operation is decided only by the
/// control lists and a data operation only by the data lists ("Management access is not inherited
/// to your data"); a granted operation that the block's condition restricts is granted only
/// conditionally ([CO] conditions-overview.md). Role assignments and deny assignments both ask here.
/// </summary>
internal sealed class CompiledPermission
{
    private readonly ActionPattern[] _actions;
    private readonly ActionPattern[] _notActions;
    private readonly ActionPattern[] _dataActions;
    private readonly ActionPattern[] _notDataActions;
    private readonly ConditionGate? _gate;

    // The rule's answer for every catalog operation, worked out once so a check of a catalog
    // operation is a bit test: granted unconditionally, granted under the condition, and touched
    // (granted or removed again: the only operations for which the entries are worth finding).
    private readonly OperationSet _unconditional;
    private readonly OperationSet _conditional;
    private readonly OperationSet _touched;

    public CompiledPermission(Permission permission, AmlCatalog catalog)
    {
        Source = permission;
        _actions = Compile(permission.Actions);
        _notActions = Compile(permission.NotActions);
        _dataActions = Compile(permission.DataActions);
        _notDataActions = Compile(permission.NotDataActions);
        _gate = string.IsNullOrWhiteSpace(permission.Condition) ? null : new ConditionGate(permission.Condition);

        _unconditional = new OperationSet(catalog.Operations.Count);
        _conditional = new OperationSet(catalog.Operations.Count);
        _touched = new OperationSet(catalog.Operations.Count);
        for (var i = 0; i < catalog.Operations.Count; i++)
        {
            var operation = catalog.Operations[i];
            var grant = Evaluate(operation.Name, operation.IsDataAction);
            if (grant.GrantedBy is not null)
            {
                _touched.Add(i);
            }
            if (grant.Kind == GrantKind.Unconditional)
            {
                _unconditional.Add(i);
            }
            else if (grant.Kind == GrantKind.Conditional)
            {
                _conditional.Add(i);
            }
        }
    }

    public Permission Source { get; }

    /// <summary>
    /// Whether this block grants the operation, how, and through which entries: the Actions (DataActions)
    /// entry that covers it and the NotActions (NotDataActions) entry that removes it again, if any.
    /// </summary>
    public BlockGrant Grant(in ResolvedAction action) =>
        action.CatalogIndex >= 0 && !_touched.Contains(action.CatalogIndex) ? default : Evaluate(action.Name, action.IsDataAction);

    /// <summary>How this block grants the operation: <c>Grant(action).Kind</c>, without finding the entries for a catalog operation.</summary>
    public GrantKind KindOf(in ResolvedAction action)
    {
        if (action.CatalogIndex < 0)
        {
            return Evaluate(action.Name, action.IsDataAction).Kind;
        }
        return _unconditional.Contains(action.CatalogIndex) ? GrantKind.Unconditional
            : _conditional.Contains(action.CatalogIndex) ? GrantKind.Conditional
            : GrantKind.None;
    }

    private BlockGrant Evaluate(string operation, bool isDataAction)
    {
        var grantedBy = First(isDataAction ? _dataActions : _actions, operation);
        if (grantedBy is null)
        {
            return default;
        }
        if (First(isDataAction ? _notDataActions : _notActions, operation) is { } excludedBy)
        {
            return new BlockGrant(GrantKind.None, grantedBy, excludedBy, null);
        }
        return _gate?.Restricts(operation) == true
            ? new BlockGrant(GrantKind.Conditional, grantedBy, null, _gate.Text)
            : new BlockGrant(GrantKind.Unconditional, grantedBy, null, null);
    }

    private static ActionPattern? First(ActionPattern[] patterns, string operation)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(operation))
            {
                return pattern;
            }
        }
        return null;
    }

    private static ActionPattern[] Compile(IReadOnlyList<string> entries) =>
        entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => new ActionPattern(e)).ToArray();
}

/// <summary>
/// What one permission block says about one operation. <see cref="GrantedBy"/> is the Actions
/// (DataActions) entry that covers it, null when none does; <see cref="ExcludedBy"/> the NotActions
/// (NotDataActions) entry that removes it again, and then <see cref="Kind"/> is None;
/// <see cref="Condition"/> the block's condition when it makes the grant Conditional.
/// </summary>
internal readonly record struct BlockGrant(GrantKind Kind, ActionPattern? GrantedBy, ActionPattern? ExcludedBy, string? Condition)
{
    public bool Grants => Kind != GrantKind.None;
}
