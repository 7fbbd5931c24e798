using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The question of Export-AmlAccessReport and amlrbac report: a tenant's access at a scope, workspace by workspace.
/// It asks the questions the other commands ask, of every principal an assignment bears on: each catalog activity
/// (Get-AmlEffectiveAccess -By Activity), each privileged operation (Test-AmlPermission -Action) and who holds it
/// (Get-AmlEffectiveAccess -Action); it lists the deny assignments that bear on the workspace, and judges the
/// catalog models against the tenant's Azure Policy (<see cref="DeploymentGuardrail"/>). No decision is made here.
/// </summary>
public sealed class AccessReportQuestion : IQuestion<AccessReport>
{
    private readonly AccessEvaluator _evaluator;
    private readonly DeploymentGuardrail _guardrail;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<PrivilegedOperation> _privileged;
    private readonly EffectiveAccessQuestion _byActivity;
    private readonly PermissionQuestion _operations;
    private readonly EffectiveAccessQuestion _holders;

    /// <summary>
    /// <paramref name="exemptionHandling"/>: how exemptions on data-plane policy assignments are treated in the
    /// guardrail section; <paramref name="clock"/>: when the report says it was made (the system clock by default).
    /// </summary>
    public AccessReportQuestion(AccessEvaluator evaluator, ExemptionHandling exemptionHandling = ExemptionHandling.Documented, TimeProvider? clock = null)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        _clock = clock ?? TimeProvider.System;
        _guardrail = DeploymentGuardrail.For(evaluator.Tenant, exemptionHandling, _clock);
        _privileged = PrivilegedOperations.All;
        var operations = _privileged.Select(p => p.Operation).ToList();
        _byActivity = EffectiveAccessQuestion.ForPrincipal(evaluator, EffectiveAccessBy.Activity);
        _operations = new PermissionQuestion(evaluator, operations, activities: null);
        _holders = EffectiveAccessQuestion.WhoCan(evaluator, operations);
    }

    /// <summary>
    /// The report for a scope-only subject (<see cref="Subject.At"/>): every Azure ML workspace at or below the scope
    /// that the source names (the workspaces live Azure listed, and those its role and deny assignments, policy
    /// assignments and exemptions are at or in), by id. Throws ScopeInvalid for a malformed scope.
    /// </summary>
    public AccessReport AnswerFor(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Scope is not { } text || subject.Principal is not null)
        {
            throw new ArgumentException("An access report is asked about a scope alone.", nameof(subject));
        }
        var scope = Scope.Parse(text);
        return new AccessReport
        {
            Scope = scope.Value,
            Source = _evaluator.Tenant.Source,
            GeneratedAt = _clock.GetUtcNow(),
            Activities = _evaluator.Catalog.Activities,
            PrivilegedOperations = _privileged,
            Workspaces = WorkspacesUnder(scope).Select(Workspace).ToList(),
        };
    }

    private WorkspaceAccess Workspace(string workspace)
    {
        var principals = _evaluator.PrincipalsAt(workspace).Select(p => new PrincipalAccess
        {
            Principal = p,
            Activities = _byActivity.AnswerFor(Subject.PrincipalAt(p.Id, workspace)),
            Operations = _operations.AnswerFor(Subject.PrincipalAt(p.Id, workspace)),
        }).ToList();
        var holders = _holders.AnswerFor(Subject.At(workspace));
        return new WorkspaceAccess
        {
            Workspace = workspace,
            Principals = principals,
            Privileged = _privileged
                .Select(p => new PrivilegedAccess(p, holders.Where(h => string.Equals(h.Operation!.Action, p.Operation, StringComparison.OrdinalIgnoreCase)).ToList()))
                .ToList(),
            DenyAssignments = Denies(workspace, principals.SelectMany(p => p.Answers).ToList()),
            Guardrails = Guardrails(workspace),
        };
    }

    // The denies that reach the workspace, then those on resources inside it (they block what is done there).
    private IReadOnlyList<WorkspaceDeny> Denies(string workspace, IReadOnlyList<PermissionAnswer> answers)
    {
        var reaching = _evaluator.DenyAssignmentsAt(workspace);
        var inside = _evaluator.Tenant.DenyAssignments
            .Where(d => !reaching.Contains(d) && Scope.TryParse(d.Scope, out var at, out _) && !at.Equals(Scope.Parse(workspace))
                && _evaluator.IsAtOrBelow(at.Value, workspace));
        return reaching.Select(d => (Deny: d, Reaches: true)).Concat(inside.Select(d => (Deny: d, Reaches: false)))
            .Select(d => new WorkspaceDeny
            {
                Deny = d.Deny,
                ReachesWorkspace = d.Reaches,
                BlockedAnswers = answers.Count(a => Blocks(d.Deny, a)),
                Principals = d.Deny.Principals.Select(Named).ToList(),
                ExcludedPrincipals = d.Deny.ExcludePrincipals.Select(Named).ToList(),
            })
            .ToList();
    }

    private Principal Named(string id) => new() { Id = id, DisplayName = _evaluator.DisplayNameOf(id) };

    private static bool Blocks(DenyAssignment deny, PermissionAnswer answer) =>
        (answer.Operation is { } operation ? new[] { operation } : answer.Activity!.Operations)
            .SelectMany(d => d.Reasons)
            .Any(r => r.Kind == ReasonKind.BlockedByDeny && string.Equals(r.DenyAssignmentId, deny.Id, StringComparison.OrdinalIgnoreCase));

    // No covering assignment: Azure Policy lets every model through, and the section says so instead of listing them.
    private IReadOnlyList<ModelGuardrail> Guardrails(string workspace)
    {
        var judged = CatalogModels.For(_evaluator.Tenant).Select(m => (Model: m, Report: _guardrail.Evaluate(workspace, m.Model))).ToList();
        return judged.All(j => j.Report.Verdicts.Count == 0)
            ? Array.Empty<ModelGuardrail>()
            : judged.Select(j => new ModelGuardrail(j.Model, j.Report.Outcome, j.Report.Verdicts.Select(PolicyReason.From).ToList())).ToList();
    }

    // The workspaces of the one resource list (AmlResources) at or below the scope.
    private IEnumerable<string> WorkspacesUnder(Scope scope) =>
        AmlResources.Named(_evaluator.Tenant, scope)
            .Where(r => r.Kind == AmlResourceKind.Workspace && _evaluator.IsAtOrBelow(r.Id, scope.Value))
            .Select(r => r.Id)
            .ToList();
}
