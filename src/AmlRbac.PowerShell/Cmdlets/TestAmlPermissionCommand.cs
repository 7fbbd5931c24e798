using System.Management.Automation;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Output;
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

    /// <summary>
    /// Fail, instead of writing $false with a warning, when an answer is Eligible, Conditional or Unknown: a
    /// runbook's `if (Test-AmlPermission ...)` then cannot take "could activate Owner" for "cannot".
    /// </summary>
    [Parameter]
    public SwitchParameter Strict { get; set; }

    protected override void Write(IReadOnlyList<PermissionAnswer> answers)
    {
        if (Detailed)
        {
            // Detailed is about the reasons: its own view shows them (the type name selects it).
            WriteObject(answers.Select(a => ViewOf(AmlPermissionDecision.From(a), DecisionCells.DetailedTypeName)), enumerateCollection: true);
            return;
        }
        // $true only for Allowed; an answer that is neither yes nor no is said out loud, or fails under -Strict.
        foreach (var undecided in PermissionAnswer.Undecided(answers))
        {
            var message = AssertionText.Undecided(undecided);
            if (Strict)
            {
                ThrowTerminatingError(ErrorRecords.From(new AmlRbacException(PermissionAnswer.StrictErrorId(undecided.Outcome),
                    FailureCategory.PermissionDenied, message, undecided.Asked)));
            }
            WriteWarning(message);
        }
        WriteObject(PermissionAnswer.AllAllowed(answers));
    }
}
