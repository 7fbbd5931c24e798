using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// The question of amlrbac diff and Compare-AmlRbacSnapshot: for two snapshots of one tenant, every (principal,
/// operation or activity, scope) whose decision changed, with the decision before and after and the changed items that
/// explain it. Each snapshot is answered by its own <see cref="AccessEvaluator"/> (the one evaluator; nothing is
/// decided here), and Azure Policy's verdict on deploying a model by each snapshot's <see cref="DeploymentGuardrail"/>.
/// <para>
/// The universe (docs/DIFF.md): the principals of either snapshot; the scopes are the Azure ML workspaces and
/// registries either snapshot names (what live Azure listed, and those its assignments, denies, policy assignments
/// and exemptions are at or in) plus the scopes of the changed items; the operations are the catalog activities, the
/// privileged operations (Catalog/Data/privileged-operations.json, as the access report lists them) and the catalog
/// operations whose grant a changed role definition changes.
/// </para>
/// <para>
/// Only what a changed item can affect is evaluated, never the whole cross product: each change names the principals
/// it can reach (the holder of a changed assignment and, for a group, its members in either snapshot; those who
/// hold a changed role; the member of a changed membership; whom a changed deny names) and the scopes (its own,
/// and the universe's scopes at or below it; for a membership, those of the assignments and denies of the group and
/// of the groups above it). Only those pairs are asked about, once each in both snapshots, outcome first (the
/// evaluator's fast path) and with reasons only when the outcome differs. A decision no change reaches cannot differ.
/// </para>
/// </summary>
public sealed class SnapshotComparison
{
    private readonly bool _activities;
    private readonly bool _privileged;
    private readonly bool _touched;
    private readonly AmlCatalog _catalog;
    private readonly TimeProvider _clock;

    /// <summary>
    /// <paramref name="activitiesOnly"/>: only the catalog activities (and the model deployment verdicts, which are about
    /// deploying); <paramref name="privilegedOnly"/>: only the privileged operations; both: both of these; neither: all.
    /// <paramref name="clock"/>: the instant exemptions' expiry is judged at in both snapshots (the system clock by default).
    /// </summary>
    public SnapshotComparison(bool activitiesOnly = false, bool privilegedOnly = false, AmlCatalog? catalog = null, TimeProvider? clock = null)
    {
        var all = !activitiesOnly && !privilegedOnly;
        _activities = all || activitiesOnly;
        _privileged = all || privilegedOnly;
        _touched = all;
        _catalog = catalog ?? AmlCatalog.Default;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Reads both snapshot files, digesting each as it is read, and compares them. Throws SnapshotNotFound or
    /// SnapshotInvalid naming the file that cannot be read.
    /// </summary>
    public SnapshotDiff Compare(string beforePath, string afterPath)
    {
        var before = SnapshotReader.Read(beforePath, out var beforeEvidence);
        var after = SnapshotReader.Read(afterPath, out var afterEvidence);
        return Compare(before, after) with { Before = beforeEvidence, After = afterEvidence };
    }

    /// <summary>Compares two tenants already read.</summary>
    public SnapshotDiff Compare(Tenant before, Tenant after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var run = new Run(this, new AccessEvaluator(before, _catalog), new AccessEvaluator(after, _catalog));
        return run.Diff();
    }

    /// <summary>One comparison: the two evaluators, the changes, and the (principal, scope) pairs they reach.</summary>
    private sealed class Run
    {
        private readonly SnapshotComparison _options;
        private readonly AccessEvaluator _before;
        private readonly AccessEvaluator _after;
        private readonly IReadOnlyList<SnapshotChanges.Found> _changes;
        private readonly List<string> _universe;
        private readonly HashSet<string> _groups = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<RoleAssignment>> _assignmentsByPrincipal = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<RoleAssignment>> _assignmentsByRole = new(StringComparer.OrdinalIgnoreCase);
        // principal -> scope -> the changes that reach that pair (indexes into _changes).
        private readonly Dictionary<string, Dictionary<string, List<int>>> _pairs = new(StringComparer.OrdinalIgnoreCase);
        // workspace -> the policy changes that reach it.
        private readonly Dictionary<string, List<int>> _policyWorkspaces = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Name, bool IsDataAction)> _operations = new();
        // What a scope and a principal reach, worked out once each: a role held by many assignments names the same ones often.
        private readonly Dictionary<string, IReadOnlyList<string>> _scopesReached = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IReadOnlyList<string>> _principalsReached = new(StringComparer.OrdinalIgnoreCase);
        private IReadOnlyList<string>? _everyone;

        public Run(SnapshotComparison options, AccessEvaluator before, AccessEvaluator after)
        {
            _options = options;
            _before = before;
            _after = after;
            _changes = SnapshotChanges.Between(before, after);
            foreach (var tenant in new[] { before.Tenant, after.Tenant })
            {
                foreach (var group in tenant.Groups)
                {
                    _groups.Add(group.Id);
                }
                foreach (var assignment in tenant.RoleAssignments)
                {
                    if (assignment.PrincipalType == PrincipalType.Group)
                    {
                        _groups.Add(assignment.PrincipalId);
                    }
                    ListAt(_assignmentsByPrincipal, assignment.PrincipalId).Add(assignment);
                    ListAt(_assignmentsByRole, ObjectIds.NormalizeRoleDefinition(assignment.RoleDefinitionId)).Add(assignment);
                }
            }
            _universe = NamedHomes(before.Tenant).Concat(NamedHomes(after.Tenant)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        public SnapshotDiff Diff()
        {
            Operations();
            for (var i = 0; i < _changes.Count; i++)
            {
                Reach(i);
            }
            var decisions = new List<DecisionChange>();
            foreach (var (principal, scopes) in _pairs)
            {
                foreach (var (scope, reaching) in scopes)
                {
                    decisions.AddRange(Pair(principal, scope, reaching));
                }
            }
            decisions.AddRange(ModelDeployments());
            return new SnapshotDiff
            {
                Items = _changes.Select(c => c.Change).ToList(),
                Decisions = decisions
                    .OrderBy(d => d.PrincipalName ?? d.PrincipalId, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.PrincipalId, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.Workspace, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.Scope, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.Kind)
                    .ThenBy(d => d.Asked, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.Model, StringComparer.OrdinalIgnoreCase)
                    .ToList(),
                PairsEvaluated = _pairs.Sum(p => p.Value.Count),
            };
        }

        // The operations asked about: the privileged ones, then those whose grant a changed role definition changes.
        private void Operations()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (_options._privileged)
            {
                foreach (var privileged in PrivilegedOperations.All)
                {
                    var operation = _before.Catalog.FindOperation(privileged.Operation);
                    if (seen.Add(privileged.Operation))
                    {
                        _operations.Add((privileged.Operation, operation?.IsDataAction ?? false));
                    }
                }
            }
            if (!_options._touched)
            {
                return;
            }
            foreach (var change in _changes.Where(c => c.Change.Kind == ChangedItemKind.RoleDefinition && c.Before is not null && c.After is not null))
            {
                var was = _before.GrantedOperations((RoleDefinition)change.Before!);
                var now = _after.GrantedOperations((RoleDefinition)change.After!);
                foreach (var index in was.Except(now).Concat(now.Except(was)).Order())
                {
                    var operation = _before.Catalog.Operations[index];
                    if (seen.Add(operation.Name))
                    {
                        _operations.Add((operation.Name, operation.IsDataAction));
                    }
                }
            }
        }

        // The pairs one change can affect.
        private void Reach(int index)
        {
            var found = _changes[index];
            switch (found.Before ?? found.After)
            {
                case RoleAssignment:
                    foreach (var assignment in new[] { found.Before, found.After }.OfType<RoleAssignment>())
                    {
                        AddPairs(index, Principals(assignment.PrincipalId), Scopes(assignment.Scope));
                    }
                    break;
                case RoleDefinition role:
                    foreach (var assignment in _assignmentsByRole.GetValueOrDefault(role.Id) ?? new List<RoleAssignment>())
                    {
                        AddPairs(index, Principals(assignment.PrincipalId), Scopes(assignment.Scope));
                    }
                    break;
                case string member:
                    // Where the group, or a group it is in, holds an assignment or is named by a deny.
                    var group = found.Change.Id;
                    var holders = _before.GroupsOf(group).Concat(_after.GroupsOf(group)).Append(group).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    var principals = Principals(member);
                    foreach (var holder in holders)
                    {
                        foreach (var assignment in _assignmentsByPrincipal.GetValueOrDefault(holder) ?? new List<RoleAssignment>())
                        {
                            AddPairs(index, principals, Scopes(assignment.Scope));
                        }
                        foreach (var deny in _before.Tenant.DenyAssignments.Concat(_after.Tenant.DenyAssignments)
                            .Where(d => d.Principals.Concat(d.ExcludePrincipals).Contains(holder, StringComparer.OrdinalIgnoreCase)))
                        {
                            AddPairs(index, principals, Scopes(deny.Scope));
                        }
                    }
                    break;
                case DenyAssignment:
                    foreach (var deny in new[] { found.Before, found.After }.OfType<DenyAssignment>())
                    {
                        var named = deny.Principals.Any(p => p == ObjectIds.AllPrincipals)
                            ? Everyone()
                            : deny.Principals.Concat(deny.ExcludePrincipals).SelectMany(Principals).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                        AddPairs(index, named, Scopes(deny.Scope));
                    }
                    break;
                case PolicyAssignment:
                case PolicyExemption:
                    foreach (var scope in new[] { found.Before, found.After }.Select(PolicyScope).OfType<string>())
                    {
                        AddWorkspaces(index, Scopes(scope));
                    }
                    break;
                default:
                    // A policy definition edited: every assignment of it may judge differently, wherever it is.
                    AddWorkspaces(index, _universe);
                    break;
            }
        }

        private static string? PolicyScope(object? item) => item switch
        {
            PolicyAssignment assignment => assignment.Scope.Value,
            PolicyExemption exemption => exemption.Scope.Value,
            _ => null,
        };

        private void AddPairs(int change, IReadOnlyList<string> principals, IReadOnlyList<string> scopes)
        {
            foreach (var principal in principals)
            {
                if (!_pairs.TryGetValue(principal, out var byScope))
                {
                    _pairs[principal] = byScope = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                }
                foreach (var scope in scopes)
                {
                    var reaching = ListAt(byScope, scope);
                    if (reaching.Count == 0 || reaching[^1] != change)
                    {
                        reaching.Add(change);
                    }
                }
            }
        }

        private void AddWorkspaces(int change, IEnumerable<string> scopes)
        {
            foreach (var workspace in scopes.Where(s => Scope.TryParse(s, out var parsed, out _) && WorkspaceId.Of(parsed) is not null))
            {
                var reaching = ListAt(_policyWorkspaces, workspace);
                if (reaching.Count == 0 || reaching[^1] != change)
                {
                    reaching.Add(change);
                }
            }
        }

        // Who a grant to a principal reaches: the principal and, for a group, its members in either snapshot. Groups
        // themselves are left out: a group is never the caller of a request, its members are.
        private IReadOnlyList<string> Principals(string principal)
        {
            if (!_principalsReached.TryGetValue(principal, out var reached))
            {
                _principalsReached[principal] = reached = _before.MembersOf(principal).Concat(_after.MembersOf(principal)).Prepend(principal)
                    .Where(p => !_groups.Contains(p) && p != ObjectIds.AllPrincipals)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
            }
            return reached;
        }

        // A deny on all principals reaches everyone either snapshot knows who is no group.
        private IReadOnlyList<string> Everyone() => _everyone ??=
            new[] { _before.Tenant, _after.Tenant }
                .SelectMany(t => t.Principals.Select(p => p.Id)
                    .Concat(t.RoleAssignments.Select(a => a.PrincipalId))
                    .Concat(t.Groups.SelectMany(g => g.Members))
                    .Concat(t.DenyAssignments.SelectMany(d => d.Principals.Concat(d.ExcludePrincipals))))
                .Where(p => !_groups.Contains(p) && p != ObjectIds.AllPrincipals)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

        // A changed item's scope and the universe's workspaces and registries at or below it (in either hierarchy).
        private IReadOnlyList<string> Scopes(string scope)
        {
            if (!_scopesReached.TryGetValue(scope, out var reached))
            {
                _scopesReached[scope] = reached = _universe.Where(u => Below(u, scope)).Prepend(scope).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }
            return reached;
        }

        private bool Below(string scope, string ancestor) => _before.IsAtOrBelow(scope, ancestor) || _after.IsAtOrBelow(scope, ancestor);

        private IEnumerable<DecisionChange> Pair(string principal, string scope, List<int> reaching)
        {
            string? name = null;
            string Name() => name ??= _after.DisplayNameOf(principal) ?? _before.DisplayNameOf(principal) ?? principal;
            foreach (var (operation, isData) in _operations)
            {
                if (_before.Decide(principal, operation, scope, isData) == _after.Decide(principal, operation, scope, isData))
                {
                    continue;
                }
                var was = _before.Check(principal, operation, scope, isData);
                var now = _after.Check(principal, operation, scope, isData);
                yield return Changed(principal, Name(), ChangedDecisionKind.Operation, operation, scope, was.Outcome, now.Outcome,
                    Causes(principal, reaching, was.Reasons.Concat(now.Reasons)));
            }
            if (!_options._activities)
            {
                yield break;
            }
            foreach (var activity in _before.Catalog.Activities)
            {
                if (_before.DecideActivity(principal, activity, scope) == _after.DecideActivity(principal, activity, scope))
                {
                    continue;
                }
                var was = _before.CheckActivity(principal, activity, scope);
                var now = _after.CheckActivity(principal, activity, scope);
                yield return Changed(principal, Name(), ChangedDecisionKind.Activity, activity.Name, scope, was.Outcome, now.Outcome,
                    Causes(principal, reaching, was.Operations.Concat(now.Operations).SelectMany(d => d.Reasons)));
            }
        }

        private static DecisionChange Changed(string principal, string name, ChangedDecisionKind kind, string asked, string scope, Outcome before, Outcome after,
            IReadOnlyList<SnapshotChange> causes, string? model = null) => new()
        {
            PrincipalId = principal,
            PrincipalName = name == principal ? null : name,
            Kind = kind,
            Asked = asked,
            Model = model,
            Scope = scope,
            Workspace = HomeOf(scope) ?? scope,
            Before = before,
            After = after,
            Causes = causes,
        };

        /// <summary>
        /// The changes that reach the pair and that the evidence of either decision names: the assignment, its role
        /// definition, the deny; a membership when it put the principal into, or took it out of, a group. When the
        /// evidence names none of them (a grant that needed two changes, each alone naming nothing), every change
        /// that reaches the pair is given: none is left out that could explain it.
        /// </summary>
        private IReadOnlyList<SnapshotChange> Causes(string principal, List<int> reaching, IEnumerable<Reason> reasons)
        {
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var reason in reasons)
            {
                Add(named, reason.AssignmentId);
                Add(named, reason.DenyAssignmentId);
                Add(named, reason.RoleDefinitionId is { } role ? ObjectIds.NormalizeRoleDefinition(role) : null);
            }
            var was = _before.GroupsOf(principal).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var now = _after.GroupsOf(principal).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var moved = was.Union(now, StringComparer.OrdinalIgnoreCase).Where(g => was.Contains(g) != now.Contains(g)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var explaining = reaching.Select(i => _changes[i].Change).Where(c => c.Kind switch
            {
                ChangedItemKind.GroupMembership => moved.Contains(c.Id),
                ChangedItemKind.RoleDefinition => named.Contains(ObjectIds.NormalizeRoleDefinition(c.Id)),
                _ => named.Contains(c.Id),
            }).ToList();
            return explaining.Count > 0 ? explaining : reaching.Select(i => _changes[i].Change).ToList();
        }

        private static void Add(HashSet<string> set, string? id)
        {
            if (id is not null)
            {
                set.Add(id);
            }
        }

        // Azure Policy's verdict on deploying each model the snapshots know into each workspace a policy change reaches.
        private IEnumerable<DecisionChange> ModelDeployments()
        {
            if (!_options._activities || _policyWorkspaces.Count == 0)
            {
                yield break;
            }
            var was = DeploymentGuardrail.For(_before.Tenant, clock: _options._clock);
            var now = DeploymentGuardrail.For(_after.Tenant, clock: _options._clock);
            var models = CatalogModels.For(_before.Tenant).Concat(CatalogModels.For(_after.Tenant))
                .DistinctBy(m => m.Model.AssetId, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var (workspace, reaching) in _policyWorkspaces)
            {
                foreach (var model in models)
                {
                    var before = was.Evaluate(workspace, model.Model);
                    var after = now.Evaluate(workspace, model.Model);
                    if (before.Outcome == after.Outcome)
                    {
                        continue;
                    }
                    var named = before.Verdicts.Concat(after.Verdicts)
                        .SelectMany(v => new[] { v.Assignment.Id, v.Assignment.PolicyDefinitionId, v.Exemption?.Id, v.Definition?.Id })
                        .OfType<string>()
                        .ToHashSet(StringComparer.OrdinalIgnoreCase);
                    var explaining = reaching.Select(i => _changes[i].Change).Where(c => named.Contains(c.Id)).ToList();
                    yield return Changed(Anyone, Anyone, ChangedDecisionKind.ModelDeployment, DeploymentGuardrail.DeploymentWrite, workspace,
                        AsOutcome(before.Outcome), AsOutcome(after.Outcome),
                        explaining.Count > 0 ? explaining : reaching.Select(i => _changes[i].Change).ToList(), model.Model.AssetId);
                }
            }
        }

        private const string Anyone = DecisionChange.Anyone;

        // A policy verdict as the outcome it gives the deployment when RBAC allows it (DeploymentGuardrail.Combine).
        private static Outcome AsOutcome(DeploymentOutcome outcome) => DeploymentGuardrail.Combine(Outcome.Allowed, outcome);

        // The workspaces and registries a tenant names: those live Azure listed, and those its assignments, denies,
        // policy assignments (and their notScopes) and exemptions are at or in.
        private static IEnumerable<string> NamedHomes(Tenant tenant) =>
            tenant.Workspaces
                .Concat(tenant.RoleAssignments.Select(a => a.Scope))
                .Concat(tenant.DenyAssignments.Select(d => d.Scope))
                .Concat(tenant.Policy.Assignments.SelectMany(a => a.NotScopes.Prepend(a.Scope)).Select(s => s.Value))
                .Concat(tenant.Policy.Exemptions.Select(e => e.Scope.Value))
                .Select(HomeOf)
                .OfType<string>();

        private static List<T> ListAt<T>(Dictionary<string, List<T>> lists, string key)
        {
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = new List<T>();
            }
            return list;
        }
    }

    /// <summary>The Azure ML workspace or registry a scope is or lies in (a compute, an endpoint, a model ...), else null.</summary>
    internal static string? HomeOf(string text)
    {
        if (!Scope.TryParse(text, out var scope, out _))
        {
            return null;
        }
        for (var current = scope; current is not null; current = current.Parent)
        {
            if (WorkspaceId.Of(current) is { } workspace)
            {
                return workspace.Id;
            }
            if (IsRegistry(current.Value))
            {
                return current.Value;
            }
        }
        return null;
    }

    // A registry's id ends in .../providers/Microsoft.MachineLearningServices/registries/{name} (REST API Registries -
    // Get, https://learn.microsoft.com/rest/api/azureml/registries/get).
    private const string RegistryType = "/providers/Microsoft.MachineLearningServices/registries/";

    private static bool IsRegistry(string scope)
    {
        var at = scope.LastIndexOf(RegistryType, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && scope.IndexOf('/', at + RegistryType.Length) < 0 && scope.Length > at + RegistryType.Length;
    }
}
