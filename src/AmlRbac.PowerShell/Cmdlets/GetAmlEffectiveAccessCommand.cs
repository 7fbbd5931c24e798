using System.Management.Automation;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Get-AmlEffectiveAccess: everything a principal may do at a scope (one decision per catalog
/// operation, or per activity with -By Activity), which models it could deploy into a workspace with
/// -DeployableModel (RBAC and Azure Policy together), or, given -Action instead of a principal, who may
/// perform it there.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AmlEffectiveAccess", DefaultParameterSetName = PrincipalSet)]
[OutputType(typeof(AmlPermissionDecision))]
public sealed class GetAmlEffectiveAccessCommand : TenantQueryCmdlet<IReadOnlyList<PermissionAnswer>>
{
    public const string PrincipalSet = "Principal";
    public const string WhoCanSet = "WhoCan";
    public const string DeployableModelSet = "DeployableModel";

    // In the principal set -PrincipalId and -Scope are not mandatory, so that a role definition piped
    // alone (it has neither) binds there too and its grants are listed; the subject rules are checked
    // once all input is in (SubjectMissing, ParameterCombinationInvalid).
    [Parameter(ParameterSetName = PrincipalSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = DeployableModelSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId")]
    [ValidateNotNullOrEmpty]
    public string? PrincipalId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = WhoCanSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ActionCompleter))]
    public string[]? Action { get; set; }

    [Parameter(ParameterSetName = PrincipalSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = WhoCanSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = DeployableModelSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ResourceId", "Id")]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>One decision per catalog operation (the default) or per catalog activity.</summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    public EffectiveAccessBy By { get; set; } = EffectiveAccessBy.Operation;

    /// <summary>Only these activities (with -By Activity) or the operations they require.</summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Activity { get; set; }

    /// <summary>
    /// Resource ids of the resources beside the workspace that activities are checked on (virtual network or subnet,
    /// AKS cluster, key vault, user-assigned identity...); an activity needing one not given answers Unknown.
    /// </summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [ValidateNotNullOrEmpty]
    public string[]? RelatedResource { get; set; }

    /// <summary>
    /// With -By Operation: the resource providers whose catalog operations are listed; without it, Azure ML's
    /// (Microsoft.MachineLearningServices).
    /// </summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [ArgumentCompleter(typeof(ProviderCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Provider { get; set; }

    /// <summary>Only decisions with one of these outcomes.</summary>
    [Parameter]
    public Outcome[]? Decision { get; set; }

    /// <summary>List, for the workspace -Scope names, which models the principal could deploy: one DeployModel decision per model.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DeployableModelSet)]
    public SwitchParameter DeployableModel { get; set; }

    /// <summary>The model asset ids to list; without it, the catalog models and those the tenant's policy assignments name.</summary>
    [Parameter(ParameterSetName = DeployableModelSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Model { get; set; }

    /// <summary>How exemptions on data-plane policy assignments are treated: as documented (not honoured), or honoured.</summary>
    [Parameter(ParameterSetName = DeployableModelSet)]
    public ExemptionHandling ExemptionHandling { get; set; } = ExemptionHandling.Documented;

    /// <summary>
    /// Answer for every Azure ML workspace, registry and compute at or below -Scope that the source names, keeping the
    /// Allowed, Conditional and Eligible answers; each names its resource (Resource, ResourceKind, ResourceName).
    /// </summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [Parameter(ParameterSetName = WhoCanSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Take -Action names outside the catalog (or listed as both kinds) as data actions.</summary>
    [Parameter(ParameterSetName = WhoCanSet)]
    public SwitchParameter DataAction { get; set; }

    protected override bool PipedObjectsAreRoles => ParameterSetName == PrincipalSet;

    protected override Subject? CurrentSubject() =>
        Scope is null ? null
        : ParameterSetName == WhoCanSet ? Subject.At(Scope)
        : PrincipalId is not null ? Subject.PrincipalAt(PrincipalId, Scope) : null;

    protected override IQuestion Ask(AccessEvaluator evaluator) => ParameterSetName switch
    {
        WhoCanSet => EffectiveAccessQuestion.WhoCan(evaluator, Action!, DataAction, Decision, Recurse),
        DeployableModelSet => EffectiveAccessQuestion.DeployableModels(evaluator, Model, ExemptionHandling, Decision),
        _ => EffectiveAccessQuestion.ForPrincipal(evaluator, By, Activity, Decision, Provider, Recurse, RelatedResource),
    };

    // A who-can answer is one line per principal, grouped by the operation, and a recursive one a line per answer,
    // grouped by its resource: their own views (the type name selects it).
    protected override void Write(IReadOnlyList<PermissionAnswer> answers) =>
        WriteObject(answers.Select(a => Recurse
            ? ViewOf(AmlPermissionDecision.From(a), DecisionCells.ReachTypeName)
            : ParameterSetName == WhoCanSet
            ? ViewOf(AmlPermissionDecision.From(a), DecisionCells.WhoCanTypeName)
            : (object)AmlPermissionDecision.From(a)), enumerateCollection: true);
}
