using System.Management.Automation;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Test-AmlPermission: may a principal (at a scope) or a role (alone) perform every one of these
/// operations and activities? $true or $false, or with -Detailed one decision per operation and
/// activity, with its reasons.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AmlPermission", DefaultParameterSetName = PrincipalActionSet)]
[OutputType(typeof(bool), typeof(AmlPermissionDecision))]
public sealed class TestAmlPermissionCommand : TenantQueryCmdlet<IReadOnlyList<PermissionAnswer>>
{
    // Who (a principal, a role object or a role name) by what (-Action, or -Activity with optional
    // -Action): -Action is mandatory unless -Activity is given, and both may be given together.
    public const string PrincipalActionSet = "PrincipalAction";
    public const string PrincipalActivitySet = "PrincipalActivity";
    public const string RoleDefinitionActionSet = "RoleDefinitionAction";
    public const string RoleDefinitionActivitySet = "RoleDefinitionActivity";
    public const string RoleNameActionSet = "RoleNameAction";
    public const string RoleNameActivitySet = "RoleNameActivity";

    private Subject? _role;

    [Parameter(Mandatory = true, ParameterSetName = PrincipalActionSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = PrincipalActivitySet, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId")]
    [ValidateNotNullOrEmpty]
    public string? PrincipalId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RoleDefinitionActionSet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleDefinitionActivitySet)]
    [ValidateNotNull]
    public PSObject? RoleDefinition { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RoleNameActionSet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleNameActivitySet)]
    [ValidateNotNullOrEmpty]
    public string? RoleName { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PrincipalActionSet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleDefinitionActionSet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleNameActionSet)]
    [Parameter(ParameterSetName = PrincipalActivitySet)]
    [Parameter(ParameterSetName = RoleDefinitionActivitySet)]
    [Parameter(ParameterSetName = RoleNameActivitySet)]
    [ValidateNotNullOrEmpty]
    public string[]? Action { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PrincipalActivitySet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleDefinitionActivitySet)]
    [Parameter(Mandatory = true, ParameterSetName = RoleNameActivitySet)]
    [ArgumentCompleter(typeof(ActivityCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Activity { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PrincipalActionSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = PrincipalActivitySet, ValueFromPipelineByPropertyName = true)]
    [Alias("ResourceId", "Id")]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>
    /// The model asset id a deployment activity (DeployModel ...) would deploy: those activities are then
    /// answered with RBAC and Azure Policy together.
    /// </summary>
    [Parameter(ParameterSetName = PrincipalActivitySet)]
    [ValidateNotNullOrEmpty]
    public string? Model { get; set; }

    /// <summary>How exemptions on data-plane policy assignments are treated: as documented (not honoured), or honoured.</summary>
    [Parameter(ParameterSetName = PrincipalActivitySet)]
    public ExemptionHandling ExemptionHandling { get; set; } = ExemptionHandling.Documented;

    /// <summary>Take -Action names outside the catalog as data actions.</summary>
    [Parameter]
    public SwitchParameter DataAction { get; set; }

    /// <summary>Write one decision per operation and activity instead of $true / $false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

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

    protected override Subject? CurrentSubject() =>
        RoleName is not null ? Subject.ForRoleName(RoleName)
        : _role ?? (PrincipalId is not null && Scope is not null ? Subject.PrincipalAt(PrincipalId, Scope) : null);

    protected override bool AsksAboutPrincipals => ParameterSetName is PrincipalActionSet or PrincipalActivitySet;

    protected override IQuestion Ask(AccessEvaluator evaluator) => new PermissionQuestion(evaluator, Action, Activity, DataAction, Model, ExemptionHandling);

    protected override void Write(IReadOnlyList<PermissionAnswer> answers)
    {
        if (Detailed)
        {
            WriteObject(answers.Select(AmlPermissionDecision.From), enumerateCollection: true);
        }
        else
        {
            WriteObject(PermissionAnswer.AllAllowed(answers));
        }
    }
}
