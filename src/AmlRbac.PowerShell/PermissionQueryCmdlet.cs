using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell;

/// <summary>
/// What Test-AmlPermission and Assert-AmlPermission share: who is asked about (a principal at a scope,
/// a role object, a role name, or role definitions piped alone) and what (-Action, -Activity, -Model),
/// answered by the engine's <see cref="PermissionQuestion"/>. The derived cmdlets only render.
/// </summary>
public abstract class PermissionQueryCmdlet : TenantQueryCmdlet<IReadOnlyList<PermissionAnswer>>
{
    // Who: a principal at a scope (or, piped alone, a role definition), a role object, or a role name.
    // What: -Action, -Activity, or both; the question refuses neither (ActionMissing). One set per "who"
    // keeps the sets apart by their mandatory parameters, so PowerShell always resolves them.
    public const string PrincipalSet = "Principal";
    public const string RoleDefinitionSet = "RoleDefinition";
    public const string RoleNameSet = "RoleName";

    private Subject? _role;

    // -PrincipalId and -Scope are not mandatory, so that a role definition piped alone (it has neither)
    // binds to this set too and is answered for that role alone; the subject rules are checked once all
    // input is in (SubjectMissing, ParameterCombinationInvalid).
    [Parameter(ParameterSetName = PrincipalSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId")]
    [ValidateNotNullOrEmpty]
    public string? PrincipalId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RoleDefinitionSet)]
    [ValidateNotNull]
    public PSObject? RoleDefinition { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RoleNameSet)]
    [ArgumentCompleter(typeof(RoleNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? RoleName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ActionCompleter))]
    public string[]? Action { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Activity { get; set; }

    [Parameter(ParameterSetName = PrincipalSet, ValueFromPipelineByPropertyName = true)]
    [Alias("ResourceId", "Id")]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>
    /// The model asset id a deployment activity (DeployModel ...) would deploy: those activities are then
    /// answered with RBAC and Azure Policy together.
    /// </summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [ValidateNotNullOrEmpty]
    public string? Model { get; set; }

    /// <summary>
    /// Resource ids of the resources beside the workspace that an activity's operations are checked on (a virtual
    /// network or subnet, an AKS cluster, a key vault, a user-assigned identity...). An operation checked on a kind of
    /// resource not given here is Unknown.
    /// </summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    [ValidateNotNullOrEmpty]
    public string[]? RelatedResource { get; set; }

    /// <summary>How exemptions on data-plane policy assignments are treated: as documented (not honoured), or honoured.</summary>
    [Parameter(ParameterSetName = PrincipalSet)]
    public ExemptionHandling ExemptionHandling { get; set; } = ExemptionHandling.Documented;

    /// <summary>Take -Action names outside the catalog (or listed as both kinds) as data actions.</summary>
    [Parameter]
    public SwitchParameter DataAction { get; set; }

    protected override void BeginProcessing()
    {
        if (RoleDefinition is not null)
        {
            try
            {
                _role = Subject.ForRoleObject(PropertyBag.From(RoleDefinition), "-RoleDefinition");
            }
            catch (AmlRbacException exception)
            {
                ThrowTerminatingError(ErrorRecords.From(exception));
            }
        }
        base.BeginProcessing();
    }

    protected sealed override Subject? CurrentSubject() =>
        RoleName is not null ? Subject.ForRoleName(RoleName)
        : _role ?? (PrincipalId is not null && Scope is not null ? Subject.PrincipalAt(PrincipalId, Scope) : null);

    protected sealed override bool PipedObjectsAreRoles => ParameterSetName == PrincipalSet;

    protected sealed override IQuestion Ask(AccessEvaluator evaluator) => new PermissionQuestion(evaluator, Action, Activity, DataAction, Model, ExemptionHandling, RelatedResource);

}
