using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Assert-AmlPermission: Test-AmlPermission for governance checks. Silent when every answer is what
/// was expected (Allowed, or the outcomes -Decision names); otherwise a terminating error whose message
/// gives each unexpected answer with its reasons, so a failing Pester test says why.
/// </summary>
[Cmdlet(VerbsLifecycle.Assert, "AmlPermission", DefaultParameterSetName = PrincipalSet)]
[OutputType(typeof(AmlPermissionDecision))]
public sealed class AssertAmlPermissionCommand : PermissionQueryCmdlet
{
    /// <summary>The outcomes that pass (any of them); Allowed when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public Outcome[] Decision { get; set; } = { Outcome.Allowed };

    /// <summary>Write the decisions when the assertion holds.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private readonly List<PermissionAnswer> _answers = new();

    protected override void Write(IReadOnlyList<PermissionAnswer> answers) => _answers.AddRange(answers);

    protected override void EndProcessing()
    {
        base.EndProcessing();
        // Judged once every subject is answered, so one failure names every principal that is not as expected.
        // Terminating on purpose: Pester's It and a runbook's try/catch both see one failure with the whole story.
        if (!PermissionAnswer.Holds(_answers, Decision))
        {
            ThrowTerminatingError(ErrorRecords.From(new AmlRbacException(ErrorIds.PermissionAssertionFailed, FailureCategory.PermissionDenied,
                AssertionText.Failure(_answers, Decision), PermissionAnswer.Unexpected(_answers, Decision).FirstOrDefault()?.Asked)));
        }
        if (PassThru)
        {
            WriteObject(_answers.Select(AmlPermissionDecision.From), enumerateCollection: true);
        }
    }
}
