using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Posture;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The question of Test-AmlWorkspacePosture and amlrbac posture (issue #17): for each Azure ML workspace the source
/// lists at or under a scope, each posture rule's result and evidence (<see cref="PostureChecks"/>), joined with who
/// can change the setting: the holders of the rule's change action at the workspace (its resource group for the
/// identity's role, its private endpoints for DNS), asked of the same tenant through <see cref="AccessEvaluator.WhoCan"/>.
/// </summary>
public sealed class PostureQuestion : IQuestion<PostureReport>
{
    private readonly AccessEvaluator _evaluator;
    private readonly IReadOnlyList<PostureRule> _rules;
    private readonly Dictionary<(string Action, string Scope), IReadOnlyList<AccessHolder>> _holders = new();

    /// <summary><paramref name="ruleIds"/>: the rules to check (all when null or empty). Throws PostureRuleUnknown.</summary>
    public PostureQuestion(AccessEvaluator evaluator, IEnumerable<string>? ruleIds = null)
    {
        _evaluator = evaluator ?? throw new ArgumentNullException(nameof(evaluator));
        _rules = PostureRules.Select(ruleIds);
        Warnings = evaluator.Tenant.Resources.Workspaces is null
            ? new[] { $"{evaluator.Tenant.Source ?? "The source"} lists no workspaces (it has no workspaces section): there is no posture to check. Export the snapshot again (amlrbac export, Export-AmlRbacSnapshot) or use --live." }
            : Array.Empty<string>();
    }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The posture of every workspace at or under a scope-only subject (<see cref="Subject.At"/>), by id. Throws ScopeInvalid.</summary>
    public PostureReport AnswerFor(Subject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Scope is not { } text || subject.Principal is not null)
        {
            throw new ArgumentException("A posture question is asked about a scope alone.", nameof(subject));
        }
        var scope = Scope.Parse(text);
        var tenant = _evaluator.Tenant;
        var workspaces = (tenant.Resources.Workspaces ?? Array.Empty<ArmResource>())
            .Where(w => Scope.IsAtOrAbove(scope.Value, w.Id))
            .OrderBy(w => w.Id, StringComparer.OrdinalIgnoreCase)
            .Select(Posture)
            .ToList();
        return new PostureReport { Scope = scope.Value, Source = tenant.Source, Workspaces = workspaces };
    }

    private WorkspacePosture Posture(ArmResource workspace)
    {
        var facts = new WorkspaceFacts
        {
            Workspace = workspace,
            Resources = _evaluator.Tenant.Resources,
            RoleAssignments = _evaluator.Tenant.RoleAssignments,
            AzureAIAdministratorRoleId = RoleId("Azure AI Administrator"),
            ContributorRoleId = RoleId("Contributor"),
        };
        return new WorkspacePosture(workspace.Id, workspace.Name, _rules
            .Select(rule => PostureChecks.Evaluate(rule, facts))
            .Select(finding => new RulePosture(finding, CanChange(finding)))
            .ToList());
    }

    private IReadOnlyList<AccessHolder> CanChange(PostureFinding finding) =>
        finding.ChangeScopes
            .SelectMany(scope => HoldersOf(finding.Rule.ChangeAction, scope))
            .DistinctBy(h => h.PrincipalId, StringComparer.OrdinalIgnoreCase)
            .ToList();

    // Workspaces share their change actions and often their scopes' holders: each pair is asked once.
    private IReadOnlyList<AccessHolder> HoldersOf(string action, string scope)
    {
        if (!_holders.TryGetValue((action, scope), out var holders))
        {
            _holders.Add((action, scope), holders = _evaluator.WhoCan(action, scope));
        }
        return holders;
    }

    private string RoleId(string name) => _evaluator.Catalog.FindRole(name)?.Id
        ?? throw new InvalidOperationException($"The embedded catalog has no built-in role '{name}'.");
}
