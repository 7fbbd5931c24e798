using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// Answers "would Azure Policy let this model be deployed into this workspace, and why": every assignment whose scope
/// covers the workspace is judged (<see cref="AssignmentJudge"/>), and the net outcome is "cumulative most
/// restrictive" [EFFECTS]: Denied if any enforced, non-exempt assignment denies.
/// </summary>
public static class PolicyEvaluator
{
    public static DeploymentPolicyReport EvaluateDeployment(PolicyState state, Scope workspace, ModelAsset model, PolicyOptions options)
    {
        RequireWorkspace(workspace);
        var judge = new AssignmentJudge(state, new ModelDeploymentRequest(workspace, model), options);
        var verdicts = state.Assignments.SelectMany(judge.Judge).ToList();
        return new DeploymentPolicyReport
        {
            Workspace = workspace,
            Model = model,
            Outcome = OutcomeOf(verdicts),
            Verdicts = verdicts,
        };
    }

    private static DeploymentOutcome OutcomeOf(IReadOnlyList<AssignmentVerdict> verdicts)
    {
        if (verdicts.Any(v => v.Verdict == Verdict.Deny))
        {
            return DeploymentOutcome.Denied;
        }
        // An Unknown can only change the outcome if it might be an enforced Deny.
        return verdicts.Any(v => v.Verdict == Verdict.Unknown
                && (v.Effect is null || string.Equals(v.Effect, "Deny", StringComparison.OrdinalIgnoreCase))
                && v.Assignment.EnforcementMode != EnforcementMode.DoNotEnforce)
            ? DeploymentOutcome.Unknown
            : DeploymentOutcome.Allowed;
    }

    // Model deployments live in a workspace (Model's WorkspaceId decides what one is).
    private static void RequireWorkspace(Scope workspace)
    {
        if (WorkspaceId.Of(workspace) is null)
        {
            throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument,
                $"Scope '{workspace}' is not an Azure ML workspace: expected .../providers/Microsoft.MachineLearningServices/workspaces/{{name}}.", workspace.Value);
        }
    }
}
