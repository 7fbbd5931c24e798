using System.Management.Automation;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Test-AmlWorkspacePosture: each posture rule's result for every Azure ML workspace at or under a scope
/// (PostureQuestion), one <see cref="AmlWorkspacePostureResult"/> per workspace and rule, with its evidence, the
/// built-in policy that enforces it and who can change it. The tenant comes from where the other query cmdlets take
/// it: -SnapshotPath, -Live, else the sample tenant with a warning.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AmlWorkspacePosture", DefaultParameterSetName = PostureSet)]
[OutputType(typeof(AmlWorkspacePostureResult))]
public sealed class TestAmlWorkspacePostureCommand : TenantQueryCmdlet<PostureReport>
{
    public const string PostureSet = "Posture";

    /// <summary>Which workspaces: those at or under this scope (default: every workspace of the source).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Scope { get; set; } = "/";

    /// <summary>Check only these rules (AMLP001 ...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RuleId { get; set; }

    protected override void BeginProcessing()
    {
        // What would stop the question is found before the tenant is read, which -Live makes slow.
        try
        {
            Model.Scope.Parse(Scope);
            PostureRules.Select(RuleId);
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        base.BeginProcessing();
    }

    protected override Subject? CurrentSubject() => Subject.At(Scope);

    protected override bool LiveReadsResources => true;

    protected override IQuestion<PostureReport> Ask(AccessEvaluator evaluator) => new PostureQuestion(evaluator, RuleId);

    protected override void Write(PostureReport answer)
    {
        foreach (var result in AmlWorkspacePostureResult.From(answer))
        {
            WriteObject(result);
        }
    }
}
