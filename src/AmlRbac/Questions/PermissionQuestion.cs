using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The yes/no question of Test-AmlPermission: may a subject perform every one of these operations and
/// activities? The operations and activities are checked when the question is made, so a typo fails
/// once, before any subject is answered; then <see cref="AnswerFor"/> answers each subject.
/// </summary>
public sealed class PermissionQuestion : IQuestion
{
    private readonly AccessEvaluator _evaluator;
    private readonly IReadOnlyList<string> _actions;
    private readonly IReadOnlyList<Activity> _activities;
    private readonly bool _isDataAction;
    private readonly ModelAsset? _model;
    private readonly DeploymentGuardrail? _guardrail;
    private readonly RelatedResources _related;

    /// <summary>
    /// Throws ActionInvalid or ActionUnknown for a bad operation name and ActivityUnknown for a name
    /// the catalog does not hold. <paramref name="isDataAction"/> applies to operations outside the
    /// catalog, and to a name the catalog lists both as a control and as a data action (a catalog
    /// operation keeps the catalog's kind); <see cref="Warnings"/> says when it was ignored or needed. <paramref name="model"/>, when given, is
    /// the asset id a deployment activity would deploy: each such activity (DeployModel ...) is answered
    /// with RBAC and the tenant's Azure Policy together, exemptions treated as <paramref name="exemptionHandling"/>
    /// says. Throws ModelAssetIdInvalid for a bad id and ModelWithoutDeployment when no activity deploys.
    /// <paramref name="relatedResources"/>: resource ids of the related resources (virtual network, key vault...) an
    /// activity's operations are checked on (<see cref="RelatedResources"/>); throws RelatedResourceInvalid for one of
    /// no known kind.
    /// </summary>
    public PermissionQuestion(AccessEvaluator evaluator, IEnumerable<string>? actions, IEnumerable<string>? activities, bool isDataAction = false,
        string? model = null, ExemptionHandling exemptionHandling = ExemptionHandling.Documented, IEnumerable<string>? relatedResources = null)
    {
        _related = RelatedResources.Parse(relatedResources);
        _evaluator = evaluator;
        _isDataAction = isDataAction;
        _actions = (actions ?? Array.Empty<string>()).Select(a => ResolvedAction.Resolve(a, isDataAction, evaluator.Catalog).Name).ToList();
        Warnings = OperationWarnings.For(evaluator.Catalog, _actions, isDataAction);
        _activities = (activities ?? Array.Empty<string>()).Select(evaluator.Catalog.GetActivity).ToList();
        if (_actions.Count == 0 && _activities.Count == 0)
        {
            // An empty question would be "allowed" for everyone.
            throw new AmlRbacException(ErrorIds.ActionMissing, FailureCategory.InvalidArgument,
                "Nothing to test was given: name one or more operations (-Action, --action) or activities (-Activity, --activity).", "Action");
        }
        if (model is not null)
        {
            _model = ModelAsset.Parse(model);
            if (!_activities.Any(DeploymentGuardrail.Governs))
            {
                var deploying = evaluator.Catalog.Activities.Where(DeploymentGuardrail.Governs).Select(a => a.Name);
                throw new AmlRbacException(ErrorIds.ModelWithoutDeployment, FailureCategory.InvalidArgument,
                    $"Model '{model}' is named, but no activity asked about deploys a model; ask about one that does: {string.Join(", ", deploying)}.", model);
            }
            _guardrail = DeploymentGuardrail.For(evaluator.Tenant, exemptionHandling);
        }
    }

    /// <summary>About operations the catalog does not list, or -DataAction given for one it lists as a control action.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>About a principal's scope that the snapshot lists nothing at (<see cref="ScopeWarnings"/>).</summary>
    public IReadOnlyList<string> WarningsFor(Subject subject) =>
        subject.Principal is null ? Array.Empty<string>() : ScopeWarnings.For(_evaluator.Tenant, subject.Scope);

    /// <summary>
    /// One answer per operation, then one per activity, in the order given. A principal subject needs
    /// a scope; a role subject is answered for the role alone. Throws PrincipalNotFound,
    /// PrincipalAmbiguous, ScopeInvalid or RoleNotFound for a subject the source cannot answer for.
    /// </summary>
    public IReadOnlyList<PermissionAnswer> AnswerFor(Subject subject)
    {
        if (subject.Principal is { } principal)
        {
            var scope = subject.Scope ?? throw new ArgumentException("A principal subject needs a scope.", nameof(subject));
            var name = _evaluator.DisplayNameOf(_evaluator.ResolvePrincipal(principal));
            return _actions.Select(a => PermissionAnswer.ForOperation(_evaluator.Check(principal, a, scope, _isDataAction), name))
                .Concat(_activities.Select(a => Answer(_evaluator.CheckActivity(principal, a, scope, _related), scope, name)))
                .ToList();
        }
        if (_model is not null)
        {
            // Hosts only offer a model with a principal and a workspace: policy is judged where the deployment goes.
            throw new ArgumentException("A model deployment question needs a principal and a workspace scope.", nameof(subject));
        }
        var role = subject.Role
            ?? (subject.RoleName is { } roleName ? _evaluator.GetRole(roleName) : throw new ArgumentException("The subject names no principal and no role.", nameof(subject)));
        return _actions.Select(a => PermissionAnswer.ForOperation(_evaluator.CheckRole(role, a, _isDataAction)))
            .Concat(_activities.Select(a => PermissionAnswer.ForActivity(_evaluator.CheckRoleActivity(role, a))))
            .ToList();
    }

    private PermissionAnswer Answer(ActivityDecision rbac, string scope, string? principalName) =>
        _guardrail is not null && DeploymentGuardrail.Governs(rbac.Activity)
            ? _guardrail.Answer(rbac, scope, _model!, principalName)
            : PermissionAnswer.ForActivity(rbac, principalName);
}
