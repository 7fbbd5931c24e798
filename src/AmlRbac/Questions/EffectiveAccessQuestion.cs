using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The listing questions of Get-AmlEffectiveAccess: everything a principal may do at a scope (per
/// catalog operation or per activity), which models a principal could deploy into a workspace (RBAC and
/// Azure Policy together), or who may perform given operations at a scope. Names are
/// checked when the question is made; <see cref="AnswerFor"/> answers each subject.
/// </summary>
public sealed class EffectiveAccessQuestion : IQuestion
{
    /// <summary>The catalog activity a deployable-models listing decides RBAC with (activities.json).</summary>
    public const string DeployModelActivity = "DeployModel";

    /// <summary>
    /// The provider a per-operation listing covers when none is named: the workspace's own operations, which is what
    /// "everything a principal may do in the workspace" means; the catalog's other providers are asked for by name.
    /// </summary>
    public const string DefaultProvider = "Microsoft.MachineLearningServices";

    private readonly AccessEvaluator _evaluator;
    private readonly EffectiveAccessBy _by;
    private readonly IReadOnlyList<Activity> _activities;
    private readonly IReadOnlyList<string> _actions;
    private readonly bool _isDataAction;
    private readonly IReadOnlySet<Outcome> _decisions;
    private readonly IReadOnlyList<ModelAsset> _models;
    private readonly DeploymentGuardrail? _guardrail;
    private readonly IReadOnlyList<string> _providers;
    private readonly bool _recurse;
    private IReadOnlyList<AmlResource>? _resources;
    private readonly RelatedResources _related;

    private EffectiveAccessQuestion(AccessEvaluator evaluator, EffectiveAccessBy by, IReadOnlyList<Activity> activities,
        IReadOnlyList<string> actions, bool isDataAction, IEnumerable<Outcome>? decisions,
        IReadOnlyList<ModelAsset>? models = null, DeploymentGuardrail? guardrail = null, IReadOnlyList<string>? providers = null, bool recurse = false,
        RelatedResources? related = null)
    {
        _recurse = recurse;
        _related = related ?? RelatedResources.None;
        _providers = providers ?? new[] { DefaultProvider };
        _models = models ?? Array.Empty<ModelAsset>();
        _guardrail = guardrail;
        _evaluator = evaluator;
        _by = by;
        _activities = activities;
        _actions = actions;
        _isDataAction = isDataAction;
        _decisions = (decisions ?? Array.Empty<Outcome>()).ToHashSet();
    }

    /// <summary>
    /// What a principal may do. <paramref name="activities"/>, when given, narrows the listing to those
    /// activities (by Activity) or to the operations they require (by Operation); <paramref name="decisions"/>,
    /// when given, keeps only answers with one of those outcomes. A listing by operation covers the operations of
    /// <paramref name="providers"/>, <see cref="DefaultProvider"/> when none is named. With <paramref name="recurse"/>,
    /// a principal is answered for every Azure ML resource at or below the scope (<see cref="AmlResources"/>), and only
    /// what reaches it there (<see cref="OutcomeOrder.Reaches"/>), each answer naming its resource.
    /// <paramref name="relatedResources"/>: the resource ids activities are checked on beside the workspace
    /// (<see cref="RelatedResources"/>). Throws ActivityUnknown, ProviderUnknown and RelatedResourceInvalid.
    /// </summary>
    public static EffectiveAccessQuestion ForPrincipal(AccessEvaluator evaluator, EffectiveAccessBy by,
        IEnumerable<string>? activities = null, IEnumerable<Outcome>? decisions = null, IEnumerable<string>? providers = null, bool recurse = false,
        IEnumerable<string>? relatedResources = null) =>
        new(evaluator, by, (activities ?? Array.Empty<string>()).Select(evaluator.Catalog.GetActivity).ToList(),
            Array.Empty<string>(), false, decisions, providers: Providers(evaluator.Catalog, providers), recurse: recurse,
            related: RelatedResources.Parse(relatedResources));

    // The providers as the catalog spells them, each once; none named is the default.
    private static IReadOnlyList<string>? Providers(AmlCatalog catalog, IEnumerable<string>? providers)
    {
        var named = (providers ?? Array.Empty<string>()).Select(p => p.Trim()).ToList();
        if (named.Count == 0)
        {
            return null;
        }
        var known = catalog.Providers.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return named.Select(p => known.FirstOrDefault(k => k.Equals(p, StringComparison.OrdinalIgnoreCase))
                ?? throw new AmlRbacException(ErrorIds.ProviderUnknown, FailureCategory.InvalidArgument,
                    $"Provider '{p}' is not one the catalog lists.{Suggestions.DidYouMean(p, known)} It lists {known.Count}: {string.Join(", ", known)}.", p))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Which models a principal could deploy into a workspace: one DeployModel answer per model, RBAC and the
    /// tenant's Azure Policy combined (<see cref="DeploymentGuardrail"/>). <paramref name="models"/>: asset ids;
    /// when null, the catalog models (<see cref="CatalogModels.For"/>). Throws ModelAssetIdInvalid.
    /// </summary>
    public static EffectiveAccessQuestion DeployableModels(AccessEvaluator evaluator, IEnumerable<string>? models = null,
        ExemptionHandling exemptionHandling = ExemptionHandling.Documented, IEnumerable<Outcome>? decisions = null)
    {
        var assets = models is null
            ? CatalogModels.For(evaluator.Tenant).Select(m => m.Model).ToList()
            : models.Select(ModelAsset.Parse).DistinctBy(m => m.AssetId, StringComparer.OrdinalIgnoreCase).ToList();
        return new(evaluator, EffectiveAccessBy.Activity, new[] { evaluator.Catalog.GetActivity(DeployModelActivity) },
            Array.Empty<string>(), false, decisions, assets, DeploymentGuardrail.For(evaluator.Tenant, exemptionHandling));
    }

    /// <summary>
    /// Who may perform each operation; with <paramref name="recurse"/>, at every Azure ML resource at or below the scope,
    /// each answer naming its resource. Throws ActionInvalid or ActionUnknown.
    /// </summary>
    public static EffectiveAccessQuestion WhoCan(AccessEvaluator evaluator, IEnumerable<string> actions,
        bool isDataAction = false, IEnumerable<Outcome>? decisions = null, bool recurse = false)
    {
        var resolved = actions.Select(a => ResolvedAction.Resolve(a, isDataAction, evaluator.Catalog).Name).ToList();
        if (resolved.Count == 0)
        {
            throw new ArgumentException("A who-can question needs at least one action.", nameof(actions));
        }
        return new(evaluator, EffectiveAccessBy.Operation, Array.Empty<Activity>(), resolved, isDataAction, decisions, recurse: recurse)
        {
            Warnings = OperationWarnings.For(evaluator.Catalog, resolved, isDataAction),
        };
    }

    /// <summary>About the operations a who-can question names that the catalog does not list (<see cref="OperationWarnings"/>).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = Array.Empty<string>();

    /// <summary>About a scope asked (with a principal, or who-can) that the snapshot lists nothing at (<see cref="ScopeWarnings"/>).</summary>
    public IReadOnlyList<string> WarningsFor(Subject subject) =>
        subject.IsRoleAlone ? Array.Empty<string>() : ScopeWarnings.For(_evaluator.Tenant, subject.Scope);

    /// <summary>
    /// A principal subject gets its listing; a role subject the listing of what the role alone grants; a
    /// scope-only subject gets, for each operation asked, the principals for whom it is Allowed, Unknown,
    /// Conditional or Eligible. Throws PrincipalNotFound, PrincipalAmbiguous, ScopeInvalid or RoleNotFound.
    /// </summary>
    public IReadOnlyList<PermissionAnswer> AnswerFor(Subject subject)
    {
        var answers = subject.IsRoleAlone ? ListingFor(subject.Role ?? _evaluator.GetRole(subject.RoleName!))
            : _recurse ? Recursive(subject)
            : subject.Principal is { } principal ? ListingFor(principal, ScopeOf(subject))
            : HoldersAt(ScopeOf(subject));
        return answers.Where(a => _decisions.Count == 0 || _decisions.Contains(a.Outcome)).ToList();
    }

    private static string ScopeOf(Subject subject) =>
        subject.Scope ?? throw new ArgumentException("An effective-access subject needs a scope.", nameof(subject));

    private IEnumerable<PermissionAnswer> ListingFor(RoleDefinition role)
    {
        if (_recurse)
        {
            throw new AmlRbacException(ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument,
                $"Role '{role.Name}' was asked about alone with -Recurse: a role alone has no scope to walk; give a principal (or a group) and a scope, or -Action and a scope.", role.Name);
        }
        if (_guardrail is not null)
        {
            throw new ArgumentException("A deployable-models question needs a principal.", nameof(role));
        }
        if (_activities.Count == 0)
        {
            return _by == EffectiveAccessBy.Activity
                ? _evaluator.Catalog.Activities.Select(a => PermissionAnswer.ForActivity(_evaluator.CheckRoleActivity(role, a)))
                : _evaluator.RoleAccess(role, _providers).Select(d => PermissionAnswer.ForOperation(d));
        }
        var decided = _activities.Select(a => _evaluator.CheckRoleActivity(role, a)).ToList();
        return _by == EffectiveAccessBy.Activity
            ? decided.Select(d => PermissionAnswer.ForActivity(d))
            : decided.SelectMany(d => d.Operations)
                .DistinctBy(d => d.Action, StringComparer.OrdinalIgnoreCase)
                .Select(d => PermissionAnswer.ForOperation(d));
    }

    private IEnumerable<PermissionAnswer> ListingFor(string principal, string scope)
    {
        var name = _evaluator.DisplayNameOf(_evaluator.ResolvePrincipal(principal));
        if (_guardrail is not null)
        {
            // RBAC does not depend on the model: one activity decision, judged with each model's policy verdict.
            var rbac = _evaluator.CheckActivity(principal, _activities[0], scope, _related);
            return _models.Select(model => _guardrail.Answer(rbac, scope, model, name)).ToList();
        }
        if (_activities.Count == 0)
        {
            return _by == EffectiveAccessBy.Activity
                ? _evaluator.EffectiveActivities(principal, scope, _related).Select(d => PermissionAnswer.ForActivity(d, name))
                : _evaluator.EffectiveAccess(principal, scope, _providers).Select(d => PermissionAnswer.ForOperation(d, name));
        }
        var decided = _activities.Select(a => _evaluator.CheckActivity(principal, a, scope, _related)).ToList();
        return _by == EffectiveAccessBy.Activity
            ? decided.Select(d => PermissionAnswer.ForActivity(d, name))
            : decided.SelectMany(d => d.Operations)
                .DistinctBy(d => d.Action, StringComparer.OrdinalIgnoreCase)
                .Select(d => PermissionAnswer.ForOperation(d, name));
    }

    // Every resource at or below the scope, and what reaches the principal (or, with no principal, who holds each
    // operation asked) at each, keeping the operations and activities that act on that kind of resource (a registry
    // lists no workspace operation); the evaluator walks the resources once for a principal (ReachAcross).
    private IEnumerable<PermissionAnswer> Recursive(Subject subject)
    {
        var scope = Scope.Parse(ScopeOf(subject));
        var resources = (_resources ??= AmlResources.Named(_evaluator.Tenant))
            .Concat(AmlResource.Within(scope))
            .DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .Where(r => _evaluator.IsAtOrBelow(r.Id, scope.Value))
            .OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (subject.Principal is not { } principal)
        {
            return resources.Where(r => r.IsTargetOfAny(_actions)).SelectMany(r => HoldersAt(r.Id)
                .Where(a => r.IsTargetOf(a.Asked)).Select(a => a.About(r))).ToList();
        }
        var name = _evaluator.DisplayNameOf(_evaluator.ResolvePrincipal(principal));
        var ids = resources.Select(r => r.Id).ToList();
        if (_by == EffectiveAccessBy.Activity)
        {
            var activities = _activities.Count > 0 ? _activities : _evaluator.Catalog.Activities;
            return _evaluator.ReachingActivitiesAcross(principal, ids, activities)
                .SelectMany((reached, i) => reached
                    .Where(d => resources[i].IsTargetOfAny(d.Activity.Actions.Concat(d.Activity.DataActions)))
                    .Select(d => PermissionAnswer.ForActivity(d, name).About(resources[i])))
                .ToList();
        }
        var operations = _activities.Count > 0 ? _evaluator.ReachAcross(principal, ids, _activities) : _evaluator.ReachAcross(principal, ids, _providers);
        return operations
            .SelectMany((reached, i) => reached.Where(d => resources[i].IsTargetOf(d.Action))
                .Select(d => PermissionAnswer.ForOperation(d, name).About(resources[i])))
            .ToList();
    }

    private IEnumerable<PermissionAnswer> HoldersAt(string scope) => _guardrail is not null
        ? throw new ArgumentException("A deployable-models question needs a principal.", nameof(scope))
        :
        _actions.SelectMany(action => _evaluator.WhoCan(action, scope, _isDataAction)
            .Select(h => PermissionAnswer.ForOperation(h.Decision, h.DisplayName, h.PrincipalType)));
}
