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
[Cmdlet(VerbsDiagnostic.Test, "AmlPermission", DefaultParameterSetName = PrincipalSet)]
[OutputType(typeof(bool), typeof(AmlPermissionDecision))]
public sealed class TestAmlPermissionCommand : PermissionQueryCmdlet
{
    /// <summary>Write one decision per operation and activity instead of $true / $false.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

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
