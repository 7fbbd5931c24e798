using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The question of Get-AmlAccessEstate and amlrbac estate, about a scope alone: its Azure ML resources, who holds each
/// privileged operation anywhere under it, and which role assignments at or below it are orphaned, grant nothing in
/// Azure ML, or repeat a grant. It walks the role assignments once (each decided by the evaluator, never here), so a
/// tenant of a million assignments is read in one pass and only the holders of privileged operations are checked.
/// </summary>
public sealed class AccessEstateQuestion : IQuestion<AccessEstate>
{
    private readonly AccessEvaluator _evaluator;
    private readonly IReadOnlyList<PrivilegedOperation> _privileged = PrivilegedOperations.All;
    private readonly Dictionary<string, RoleFacts?> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<HashSet<int>> _azureMlOperations;

    public AccessEstateQuestion(AccessEvaluator evaluator)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        _azureMlOperations = new(AzureMlOperations);
    }

    /// <summary>The estate of a scope-only subject (<see cref="Subject.At"/>). Throws ScopeInvalid for a malformed scope.</summary>
    public AccessEstate AnswerFor(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Scope is not { } text || subject.Principal is not null || subject.IsRoleAlone)
        {
            throw new ArgumentException("An access estate is asked about a scope alone.", nameof(subject));
        }
        var scope = Scope.Parse(text);
        var tenant = _evaluator.Tenant;
        // Each assignment's place against the scope, found once: at or below it (its findings are reported), above it
        // (it reaches everything under the scope: it holds privileged operations there and may cover one below).
        var below = new List<RoleAssignment>();
        var above = new List<RoleAssignment>();
        foreach (var assignment in tenant.RoleAssignments)
        {
            if (!Scope.TryParse(assignment.Scope, out _, out _))
            {
                continue;
            }
            if (_evaluator.IsAtOrBelow(assignment.Scope, scope.Value))
            {
                below.Add(assignment);
            }
            else if (_evaluator.IsAtOrBelow(scope.Value, assignment.Scope))
            {
                above.Add(assignment);
            }
        }
        var directory = tenant.Principals.Select(p => p.Id).Concat(tenant.Groups.Select(g => g.Id)).ToHashSet(PrincipalIdComparer.Instance);
        var findings = Orphans(below, directory)
            .Concat(GrantingNothing(below))
            .Concat(Redundant(below, above))
            .OrderBy(f => f.Kind)
            .ThenBy(f => f.Assignment.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new AccessEstate
        {
            Scope = scope.Value,
            Source = tenant.Source,
            Resources = AmlResources.Named(tenant, scope).Where(r => _evaluator.IsAtOrBelow(r.Id, scope.Value)).ToList(),
            PrivilegedOperations = _privileged,
            Privileged = Privileged(scope, below, above),
            Findings = findings,
            DirectoryListed = directory.Count > 0,
        };
    }

    // Every (principal, privileged operation, scope) that an assignment's role grants, decided by the evaluator at that
    // scope (deny assignments and conditions included); only those that reach the principal are kept.
    private IReadOnlyList<PrivilegedHolding> Privileged(Scope scope, List<RoleAssignment> below, List<RoleAssignment> above)
    {
        var asked = new HashSet<(string Principal, int Operation, string Scope)>();
        var holdings = new List<PrivilegedHolding>();
        foreach (var (assignment, reach) in above.Select(a => (a, scope.Value)).Concat(below.Select(a => (a, a.Scope))))
        {
            if (RoleOf(assignment) is not { } role)
            {
                continue;
            }
            for (var i = 0; i < _privileged.Count; i++)
            {
                if (!role.GrantsPrivileged[i] || !asked.Add((ObjectIds.NormalizePrincipal(assignment.PrincipalId), i, reach.ToLowerInvariant())))
                {
                    continue;
                }
                var decision = _evaluator.Check(assignment.PrincipalId, _privileged[i].Operation, reach);
                if (OutcomeOrder.Reaches(decision.Outcome))
                {
                    holdings.Add(new PrivilegedHolding(_privileged[i], reach,
                        PermissionAnswer.ForOperation(decision, _evaluator.DisplayNameOf(decision.PrincipalId!), assignment.PrincipalType)));
                }
            }
        }
        var order = _privileged.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        return holdings
            .OrderBy(h => order[h.Operation])
            .ThenBy(h => h.Answer.Outcome, OutcomeOrder.StrongestFirst)
            .ThenBy(h => h.Answer.PrincipalName ?? h.Answer.Operation!.PrincipalId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(h => h.Scope, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // A principal the listed directory does not hold was deleted; with no directory listed, the source's own word for
    // it: Az's ObjectType "Unknown" ([RBAC-TROUBLE] "Role assignments with identity not found").
    private IEnumerable<AssignmentFinding> Orphans(List<RoleAssignment> below, HashSet<string> directory) =>
        below.Where(a => directory.Count > 0 ? !directory.Contains(a.PrincipalId) : a.PrincipalType == PrincipalType.Unknown)
            .Select(a => Finding(AssignmentFindingKind.Orphaned, a, directory.Count > 0
                ? $"Principal {a.PrincipalId} is not in the directory the source lists: it was deleted, and the assignment grants nobody. Remove it (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting)."
                : $"Principal {a.PrincipalId} has type Unknown, which is how Azure shows a principal deleted from the directory (\"Identity not found\"). Check it and remove the assignment (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting)."));

    private IEnumerable<AssignmentFinding> GrantingNothing(List<RoleAssignment> below) =>
        below.Where(a => RoleOf(a) is { Definition.IsCustom: true, GrantsAzureMl: false })
            .Select(a => Finding(AssignmentFindingKind.GrantsNothingInAzureMl, a,
                $"Custom role '{RoleOf(a)!.Definition.Name}' grants no {EffectiveAccessQuestion.DefaultProvider} operation and none of the operations Azure ML activities need: it plays no part in access to Azure ML."));

    // The same principal and role twice: at the same scope with the same condition and eligibility (Duplicate), or
    // below an unconditional grant of it that is active, or as eligible as this one (CoveredByAncestor): the role's
    // grant at a scope is inherited by every scope below it ([OV] "Scope").
    private IEnumerable<AssignmentFinding> Redundant(List<RoleAssignment> below, List<RoleAssignment> above)
    {
        var groups = below.Concat(above)
            .GroupBy(a => (Principal: ObjectIds.NormalizePrincipal(a.PrincipalId), Role: ObjectIds.NormalizeRoleDefinition(a.RoleDefinitionId)))
            .Where(g => g.Skip(1).Any());
        var reported = below.ToHashSet();
        foreach (var group in groups)
        {
            // In source order: of two same assignments, the later one is the duplicate.
            var all = group.ToList();
            for (var i = 0; i < all.Count; i++)
            {
                var assignment = all[i];
                if (!reported.Contains(assignment))
                {
                    continue;
                }
                var same = all.Take(i).FirstOrDefault(o => SameScope(o, assignment)
                    && string.Equals(o.Condition ?? "", assignment.Condition ?? "", StringComparison.Ordinal) && o.IsEligible == assignment.IsEligible);
                if (same is not null)
                {
                    yield return Finding(AssignmentFindingKind.Duplicate, assignment,
                        $"Assignment {same.Id} already gives the same principal the same role at the same scope.", same);
                    continue;
                }
                var covering = all.FirstOrDefault(o => string.IsNullOrWhiteSpace(o.Condition) && (!o.IsEligible || assignment.IsEligible)
                    && !SameScope(o, assignment) && _evaluator.IsAtOrBelow(assignment.Scope, o.Scope));
                if (covering is not null)
                {
                    yield return Finding(AssignmentFindingKind.CoveredByAncestor, assignment,
                        $"Assignment {covering.Id} gives the same principal the same role at {covering.Scope}, above this one, which inherits it.", covering);
                }
            }
        }
    }

    private bool SameScope(RoleAssignment a, RoleAssignment b) => _evaluator.IsAtOrBelow(a.Scope, b.Scope) && _evaluator.IsAtOrBelow(b.Scope, a.Scope);

    private AssignmentFinding Finding(AssignmentFindingKind kind, RoleAssignment assignment, string why, RoleAssignment? other = null) => new()
    {
        Kind = kind,
        Assignment = assignment,
        RoleName = RoleOf(assignment)?.Definition.Name,
        PrincipalName = _evaluator.DisplayNameOf(assignment.PrincipalId),
        Why = why,
        Other = other,
    };

    // What the estate needs to know of a role, worked out once per role id the assignments name.
    private RoleFacts? RoleOf(RoleAssignment assignment)
    {
        if (_roles.TryGetValue(assignment.RoleDefinitionId, out var known))
        {
            return known;
        }
        var role = _evaluator.FindRole(assignment.RoleDefinitionId);
        var facts = role is null ? null : new RoleFacts(role,
            _privileged.Select(p => OutcomeOrder.Reaches(_evaluator.CheckRole(role, p.Operation).Outcome)).ToArray(),
            _evaluator.GrantedOperations(role).Any(_azureMlOperations.Value.Contains));
        _roles[assignment.RoleDefinitionId] = facts;
        return facts;
    }

    // The catalog operations that count as Azure ML: the provider's own, and every one an activity requires (storage,
    // key vault, container registry ... that Azure ML work needs, activities.json).
    private HashSet<int> AzureMlOperations()
    {
        var catalog = _evaluator.Catalog;
        var patterns = catalog.Activities.SelectMany(a => a.Actions.Concat(a.DataActions)).Select(p => new ActionPattern(p)).ToList();
        return Enumerable.Range(0, catalog.Operations.Count)
            .Where(i => catalog.Operations[i].Provider.Equals(EffectiveAccessQuestion.DefaultProvider, StringComparison.OrdinalIgnoreCase)
                || patterns.Any(p => p.Matches(catalog.Operations[i].Name)))
            .ToHashSet();
    }

    private sealed record RoleFacts(RoleDefinition Definition, bool[] GrantsPrivileged, bool GrantsAzureMl);
}
