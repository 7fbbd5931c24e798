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

    // The rule's answer for every catalog operation, worked out the first time a catalog operation is asked about, so
    // that every later check is a bit test (a role compiled and asked once, as one CLI question does, pays for no more
    // than its own providers' operations).
    private readonly Lazy<CatalogAnswers> _answers;

    public CompiledPermission(Permission permission, AmlCatalog catalog)
    {
        Source = permission;
        _actions = Compile(permission.Actions);
        _notActions = Compile(permission.NotActions);
        _dataActions = Compile(permission.DataActions);
        _notDataActions = Compile(permission.NotDataActions);
        _gate = string.IsNullOrWhiteSpace(permission.Condition) ? null : new ConditionGate(permission.Condition);
        _answers = new Lazy<CatalogAnswers>(() => new CatalogAnswers(this, catalog));
    }

    /// <summary>The catalog operations the block grants unconditionally (by index).</summary>
    public OperationSet Unconditional => _answers.Value.Unconditional;

    /// <summary>The catalog operations the block grants under its condition (by index).</summary>
    public OperationSet Conditional => _answers.Value.Conditional;

    public Permission Source { get; }

    /// <summary>
    /// Whether this block grants the operation, how, and through which entries: the Actions (DataActions)
    /// entry that covers it and the NotActions (NotDataActions) entry that removes it again, if any.
    /// </summary>
    public BlockGrant Grant(in ResolvedAction action) =>
        action.CatalogIndex >= 0 && !_answers.Value.Touched.Contains(action.CatalogIndex) ? default : Evaluate(action.Name, action.IsDataAction);

    /// <summary>How this block grants the operation: <c>Grant(action).Kind</c>, without finding the entries for a catalog operation.</summary>
    public GrantKind KindOf(in ResolvedAction action)
    {
        if (action.CatalogIndex < 0)
        {
            return Evaluate(action.Name, action.IsDataAction).Kind;
        }
        var answers = _answers.Value;
        return answers.Unconditional.Contains(action.CatalogIndex) ? GrantKind.Unconditional
            : answers.Conditional.Contains(action.CatalogIndex) ? GrantKind.Conditional
            : GrantKind.None;
    }

    /// <summary>
    /// Whether the block names an operation of a provider the catalog does not list (or of any provider, through a
    /// wildcard): then what it grants is more than the catalog operations it covers.
    /// </summary>
    public bool ReachesBeyond(AmlCatalog catalog) =>
        _actions.Concat(_dataActions).Any(p => p.Provider is not { } provider || !catalog.Providers.Contains(provider));

    private BlockGrant Evaluate(string operation, bool isDataAction) =>
        First(isDataAction ? _dataActions : _actions, operation) is { } grantedBy ? Decide(operation, isDataAction, grantedBy) : default;

    // The rest of the rule once an Actions (DataActions) entry covers the operation: a NotActions (NotDataActions)
    // entry removes it, else the block's condition may restrict it.
    private BlockGrant Decide(string operation, bool isDataAction, ActionPattern grantedBy)
    {
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

    /// <summary>
    /// The block's answer for every catalog operation: granted unconditionally, granted under the condition, and
    /// touched (granted or removed again: the only operations for which the entries are worth finding). Only the
    /// operations an Actions or DataActions entry matches are looked at (no other can be granted), each entry's found in
    /// the run of the sorted catalog that starts with its text before the '*'.
    /// </summary>
    private sealed class CatalogAnswers
    {
        public CatalogAnswers(CompiledPermission block, AmlCatalog catalog)
        {
            var count = catalog.Operations.Count;
            Unconditional = new OperationSet(count);
            Conditional = new OperationSet(count);
            Touched = new OperationSet(count);
            foreach (var (i, grantedBy) in Covered(block, catalog))
            {
                var operation = catalog.Operations[i];
                var grant = block.Decide(operation.Name, operation.IsDataAction, grantedBy);
                Touched.Add(i);
                if (grant.Kind == GrantKind.Unconditional)
                {
                    Unconditional.Add(i);
                }
                else if (grant.Kind == GrantKind.Conditional)
                {
                    Conditional.Add(i);
                }
            }
        }

        public OperationSet Unconditional { get; }
        public OperationSet Conditional { get; }
        public OperationSet Touched { get; }

        // Each catalog operation an Actions or DataActions entry covers, with the first entry that does (as First finds
        // it: the entries in order), found in the run of operations that start with the entry's text before the '*'.
        private static Dictionary<int, ActionPattern> Covered(CompiledPermission block, AmlCatalog catalog)
        {
            var covered = new Dictionary<int, ActionPattern>();
            foreach (var (patterns, isData) in new[] { (block._actions, false), (block._dataActions, true) })
            {
                foreach (var pattern in patterns)
                {
                    var (first, end) = catalog.OperationsStartingWith(pattern.Prefix);
                    for (var i = first; i < end; i++)
                    {
                        var operation = catalog.Operations[i];
                        if (operation.IsDataAction == isData && !covered.ContainsKey(i) && pattern.Matches(operation.Name))
                        {
                            covered[i] = pattern;
                        }
                    }
                }
            }
            return covered;
        }
    }
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
