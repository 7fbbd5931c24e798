using System.Management.Automation;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Get-AmlAccessEstate: the estate under a scope (AccessEstateQuestion): its Azure ML resources, who holds privileged
/// operations anywhere under it, and the orphaned, useless and duplicate role assignments. A cmdlet of its own rather
/// than a switch of Get-AmlEffectiveAccess: it is asked of a scope alone and answers one estate object, not decisions.
/// The tenant comes from where the other query cmdlets take it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AmlAccessEstate", DefaultParameterSetName = EstateSet)]
[OutputType(typeof(AmlAccessEstate))]
public sealed class GetAmlAccessEstateCommand : TenantQueryCmdlet<AccessEstate>
{
    public const string EstateSet = "Estate";

    /// <summary>
    /// The management group, subscription, resource group or resource to look under. Not from the pipeline: piped Az
    /// objects carry a Scope of their own, and the estate is of the one scope named.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    protected override Subject? CurrentSubject() => Scope is null ? null : Subject.At(Scope);

    protected override IQuestion<AccessEstate> Ask(AccessEvaluator evaluator) => new AccessEstateQuestion(evaluator);

    protected override void Write(AccessEstate answer) => WriteObject(AmlAccessEstate.From(answer));
}
