using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// Combines the two controls over a model deployment ([SEED2]: "RBAC ... restrict ... model deployments for
/// specific users or groups"; Azure Policy "restricting specific OSS and private pretrained models from being
/// deployed"): the RBAC decision on a deployment activity, and the Azure Policy verdict on deploying one model
/// into the workspace. Every host asks here, so the cmdlets and the CLI combine them the same way.
/// </summary>
public sealed class DeploymentGuardrail
{
    /// <summary>
    /// The operation that creates a model deployment under an online endpoint: "For SDK/CLI deployments, you need
    /// Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write" ([MLROLES], section
    /// "Troubleshooting"). An activity that requires it deploys a model, so the policy layer applies to it.
    /// </summary>
    public const string DeploymentWrite = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write";

    public DeploymentGuardrail(PolicyState policy, PolicyOptions options)
    {
        Policy = policy;
        Options = options;
    }

    public PolicyState Policy { get; }
    public PolicyOptions Options { get; }

    /// <summary>
    /// The guardrail of a tenant: its policy objects, judged within its management-group hierarchy, with the
    /// built-in definitions AmlRbac ships for assignments that name them.
    /// </summary>
    public static DeploymentGuardrail For(Tenant tenant, ExemptionHandling exemptionHandling = ExemptionHandling.Documented, TimeProvider? clock = null) =>
        new(tenant.Policy, PolicyOptions.Default with
        {
            ExemptionHandling = exemptionHandling,
            Clock = clock ?? TimeProvider.System,
            ManagementGroups = tenant.ManagementGroups,
            BuiltInDefinitions = PolicyCatalog.Default.Find,
        });

    /// <summary>True when the activity creates a model deployment (it requires <see cref="DeploymentWrite"/>).</summary>
    public static bool Governs(Activity activity) => activity.Actions.Contains(DeploymentWrite, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The combined answer for deploying <paramref name="model"/> into <paramref name="workspace"/> given the RBAC
    /// decision on the deployment activity there. Throws ScopeInvalid when the scope is no Azure ML workspace.
    /// </summary>
    public PermissionAnswer Answer(ActivityDecision rbac, string workspace, ModelAsset model, string? principalName = null)
    {
        var report = Evaluate(workspace, model);
        var outcome = Combine(rbac.Outcome, report.Outcome);
        var deployment = new ModelDeployment
        {
            Model = model,
            Policy = report,
            RbacOutcome = rbac.Outcome,
            PolicyReasons = report.Verdicts.Select(PolicyReason.From).ToList(),
            DecidedBy = outcome == rbac.Outcome ? DecisionLayer.Rbac : DecisionLayer.Policy,
        };
        return PermissionAnswer.ForModelDeployment(rbac, deployment, outcome, principalName);
    }

    /// <summary>
    /// The Azure Policy side alone: what the tenant's assignments do to deploying <paramref name="model"/> into
    /// <paramref name="workspace"/>, whoever deploys it. Throws ScopeInvalid when the scope is no Azure ML workspace.
    /// </summary>
    public DeploymentPolicyReport Evaluate(string workspace, ModelAsset model) =>
        PolicyEvaluator.EvaluateDeployment(Policy, Scope.Parse(workspace), model, Options);

    /// <summary>
    /// Both layers must let the deployment through, so the answer is the weaker of the two (<see cref="OutcomeOrder"/>).
    /// A policy deny wins over any RBAC answer, as a deny assignment does ("cumulative most restrictive" [EFFECTS]);
    /// otherwise what RBAC does not allow stays as RBAC says; when RBAC allows it and an assignment that could deny
    /// cannot be evaluated, the answer is Unknown, never Allowed.
    /// </summary>
    public static Outcome Combine(Outcome rbac, DeploymentOutcome policy) => OutcomeOrder.Weaker(rbac, policy switch
    {
        DeploymentOutcome.Denied => Outcome.Denied,
        DeploymentOutcome.Unknown => Outcome.Unknown,
        _ => Outcome.Allowed,
    });
}
