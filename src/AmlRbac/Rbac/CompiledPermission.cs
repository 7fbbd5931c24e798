using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// One permission block with its patterns compiled and its effect on every catalog operation
/// precomputed. The rule ([RD] role-definitions.md):
/// effective control permissions = Actions - NotActions, effective data permissions =
/// DataActions - NotDataActions, computed per block; a control operation is decided only by the
/// control lists and a data operation only by the data lists ("Management access is not inherited
/// to your data"). Deny assignments reuse the same block logic for what they deny.
/// </summary>
internal sealed class CompiledPermission
{
    private readonly ActionPattern[] _actions;
    private readonly ActionPattern[] _notActions;
    private readonly ActionPattern[] _dataActions;
    private readonly ActionPattern[] _notDataActions;

    public CompiledPermission(Permission permission, AmlCatalog catalog)
    {
        Source = permission;
        _actions = Compile(permission.Actions);
        _notActions = Compile(permission.NotActions);
        _dataActions = Compile(permission.DataActions);
        _notDataActions = Compile(permission.NotDataActions);
        Gate = string.IsNullOrWhiteSpace(permission.Condition) ? null : new ConditionGate(permission.Condition);

        Covers = new OperationSet(catalog.Operations.Count);
        Gated = new OperationSet(catalog.Operations.Count);
        Excluded = new OperationSet(catalog.Operations.Count);
        for (var i = 0; i < catalog.Operations.Count; i++)
        {
            var operation = catalog.Operations[i];
            var match = Match(operation.Name, operation.IsDataAction);
            if (match.GrantedBy is not null)
            {
                Covers.Add(i);
                if (Gate?.Restricts(operation.Name) == true)
                {
                    Gated.Add(i);
                }
            }
            else if (match.ExcludedBy is not null)
            {
                Excluded.Add(i);
            }
        }
    }

    public Permission Source { get; }

    /// <summary>The block's ABAC condition, if any.</summary>
    public ConditionGate? Gate { get; }

    /// <summary>Catalog operations the block's lists cover (ignoring the condition).</summary>
    public OperationSet Covers { get; }

    /// <summary>Catalog operations the Actions cover but the NotActions remove again.</summary>
    public OperationSet Excluded { get; }

    /// <summary>Covered catalog operations that the block's condition restricts.</summary>
    public OperationSet Gated { get; }

    /// <summary>The entry that grants the operation and the entry that removes it again (either may be null).</summary>
    public PatternMatch Match(string operation, bool isDataAction)
    {
        var grants = isDataAction ? _dataActions : _actions;
        var excludes = isDataAction ? _notDataActions : _notActions;
        var grantedBy = First(grants, operation);
        if (grantedBy is null)
        {
            return default;
        }
        var excludedBy = First(excludes, operation);
        return excludedBy is null ? new PatternMatch(grantedBy, null) : new PatternMatch(null, excludedBy) { CoveredBy = grantedBy };
    }

    /// <summary>How this block grants an operation that may be outside the catalog.</summary>
    public GrantKind Grant(string operation, bool isDataAction)
    {
        if (Match(operation, isDataAction).GrantedBy is null)
        {
            return GrantKind.None;
        }
        return Gate?.Restricts(operation) == true ? GrantKind.Conditional : GrantKind.Unconditional;
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
/// The outcome of matching one operation against one block: <see cref="GrantedBy"/> when the block
/// grants it; <see cref="ExcludedBy"/> (with <see cref="CoveredBy"/>) when an Actions entry covered it
/// and a NotActions entry removed it.
/// </summary>
internal readonly record struct PatternMatch(ActionPattern? GrantedBy, ActionPattern? ExcludedBy)
{
    public ActionPattern? CoveredBy { get; init; }
}
