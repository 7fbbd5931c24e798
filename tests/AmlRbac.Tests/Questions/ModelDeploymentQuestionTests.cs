using Xunit;
using static AmlRbac.Tests.Questions.GuardrailTenant;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// The Model Catalog curation blog's example [SEED2] through Test-AmlPermission's engine path (PermissionQuestion with -Model): RBAC decides
/// who may deploy, Azure Policy what, and the answer is both, with reasons that name the layer and the assignment.
/// </summary>
public sealed class ModelDeploymentQuestionTests
{
    private static PermissionAnswer Ask(AccessEvaluator evaluator, string model, string principal = Scientist, Scope? workspace = null,
        ExemptionHandling handling = ExemptionHandling.Documented) =>
        Assert.Single(new PermissionQuestion(evaluator, null, new[] { "DeployModel" }, model: model, exemptionHandling: handling)
            .AnswerFor(Subject.PrincipalAt(principal, (workspace ?? Workspace).Value)));

    private static readonly AccessEvaluator Seed = Evaluator(SeedAssignment());

    [Fact]
    public void Falcon_is_denied_by_policy_though_rbac_allows_it()
    {
        var answer = Ask(Seed, Falcon);

        Assert.Equal(Outcome.Denied, answer.Outcome);
        var deployment = answer.Deployment!;
        Assert.Equal((Outcome.Allowed, DeploymentOutcome.Denied, DecisionLayer.Policy), (deployment.RbacOutcome, deployment.Policy.Outcome, deployment.DecidedBy));
        var reason = answer.DecidingPolicyReason!;
        Assert.Equal((PolicyReasonKind.PolicyDeny, DecisionLayer.Policy), (reason.Kind, reason.Layer));
        Assert.Equal(AssignmentId(Subscription, "restrict-registry"), reason.PolicyAssignmentId);
        Assert.Equal(ModelPolicyAuthoring.RestrictToRegistryDefinitionId, reason.PolicyDefinitionId);
        Assert.Equal(("Deny", "if.allOf[1].anyOf[0]"), (reason.Effect, reason.RuleClause));
        Assert.Equal("Allowed", answer.Activity!.Outcome.ToString());
        Assert.Empty(answer.WouldBeGrantedBy);
    }

    [Fact]
    public void Another_azureml_model_is_allowed_by_both_layers()
    {
        var answer = Ask(Seed, Phi);

        Assert.Equal(Outcome.Allowed, answer.Outcome);
        Assert.Equal(DecisionLayer.Rbac, answer.Deployment!.DecidedBy);
        Assert.Equal(PolicyReasonKind.PolicyCompliant, Assert.Single(answer.Deployment.PolicyReasons).Kind);
        Assert.Equal(ReasonKind.Grant, answer.DecidingReason!.Kind);
    }

    [Fact]
    public void A_model_from_another_registry_is_denied()
    {
        Assert.Equal(Outcome.Denied, Ask(Seed, MetaLlama).Outcome);
    }

    [Fact]
    public void A_workspace_in_a_not_scope_resource_group_is_allowed()
    {
        var evaluator = Evaluator(SeedAssignment($",\n\"notScopes\": [ \"{SandboxGroup}\" ]"));

        var sandbox = Ask(evaluator, Falcon, workspace: SandboxWorkspace);

        Assert.Equal(Outcome.Allowed, sandbox.Outcome);
        var reason = Assert.Single(sandbox.Deployment!.PolicyReasons);
        Assert.Equal(PolicyReasonKind.PolicyNotApplicable, reason.Kind);
        Assert.Contains(SandboxGroup.Value, reason.Explanation);
        Assert.Equal(Outcome.Denied, Ask(evaluator, Falcon).Outcome);
    }

    [Fact]
    public void A_do_not_enforce_assignment_is_reported_but_does_not_deny()
    {
        var answer = Ask(Evaluator(SeedAssignment(",\n\"enforcementMode\": \"DoNotEnforce\"")), Falcon);

        Assert.Equal(Outcome.Allowed, answer.Outcome);
        var reason = Assert.Single(answer.Deployment!.PolicyReasons);
        Assert.Equal((PolicyReasonKind.PolicyDoNotEnforce, "Deny"), (reason.Kind, reason.Effect));
    }

    private static readonly string Exemption = $$"""
        [ { "id": "{{Workspace}}/providers/Microsoft.Authorization/policyExemptions/falcon-pilot",
            "name": "falcon-pilot",
            "properties": { "policyAssignmentId": "{{AssignmentId(Subscription, "restrict-registry")}}", "exemptionCategory": "Waiver" } } ]
        """;

    [Fact]
    public void An_exemption_is_set_aside_as_the_documented_rule_says_and_honoured_when_asked()
    {
        var evaluator = Evaluator(SeedAssignment(), Exemption);

        var documented = Ask(evaluator, Falcon);
        var honoured = Ask(evaluator, Falcon, handling: ExemptionHandling.Honour);

        Assert.Equal(Outcome.Denied, documented.Outcome);
        var setAside = documented.DecidingPolicyReason!;
        Assert.Equal(("falcon-pilot", PolicyReasonKind.PolicyDeny), (setAside.ExemptionName, setAside.Kind));
        Assert.Contains(setAside.Notes, n => n.StartsWith("Exemption 'falcon-pilot' is set aside", StringComparison.Ordinal));
        Assert.Equal(Outcome.Allowed, honoured.Outcome);
        Assert.Equal(PolicyReasonKind.PolicyExempt, Assert.Single(honoured.Deployment!.PolicyReasons).Kind);
    }

    [Fact]
    public void The_built_in_default_empty_registry_blocks_every_registry_model()
    {
        var evaluator = Evaluator($$"""[{{Assignment("deny-registries", Subscription, ModelPolicyAuthoring.RestrictToRegistryDefinitionId, """{ "effect": { "value": "Deny" } }""")}}]""");

        Assert.Equal(Outcome.Denied, Ask(evaluator, Phi).Outcome);
        Assert.Equal(Outcome.Denied, Ask(evaluator, MetaLlama).Outcome);
        Assert.Equal(Outcome.Allowed, Ask(evaluator, WorkspaceModel).Outcome);
    }

    [Fact]
    public void What_rbac_does_not_allow_stays_as_rbac_says_unless_policy_denies()
    {
        var allowedByPolicy = Ask(Seed, Phi, Analyst);
        var deniedByBoth = Ask(Seed, Falcon, Analyst);

        Assert.Equal((Outcome.NotGranted, DecisionLayer.Rbac), (allowedByPolicy.Outcome, allowedByPolicy.Deployment!.DecidedBy));
        Assert.NotEmpty(allowedByPolicy.WouldBeGrantedBy);
        Assert.Equal((Outcome.Denied, DecisionLayer.Policy), (deniedByBoth.Outcome, deniedByBoth.Deployment!.DecidedBy));
    }

    [Fact]
    public void A_policy_that_cannot_be_evaluated_makes_an_rbac_allowed_answer_unknown()
    {
        // 12e5dd16 reads model.publisher, which no asset id carries ([POL]).
        var parameters = """{ "effect": { "value": "Deny" }, "allowedPublishers": { "value": [ "Microsoft" ] }, "allowedAssetIds": { "value": [] } }""";
        var evaluator = Evaluator($"[{Assignment("approved", Subscription, ModelPolicyAuthoring.ApprovedRegistryModelsDefinitionId, parameters)}]");

        var answer = Ask(evaluator, Phi);

        Assert.Equal(Outcome.Unknown, answer.Outcome);
        Assert.Equal(DecisionLayer.Policy, answer.Deployment!.DecidedBy);
        Assert.Equal(PolicyReasonKind.PolicyUnknown, answer.DecidingPolicyReason!.Kind);
        Assert.Contains("publisher", answer.DecidingPolicyReason.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Activities_that_deploy_nothing_are_answered_by_rbac_alone()
    {
        var answers = new PermissionQuestion(Seed, null, new[] { "SubmitRunV2", "DeployModel" }, model: Falcon)
            .AnswerFor(Subject.PrincipalAt(Scientist, Workspace.Value));

        Assert.Null(answers[0].Deployment);
        Assert.NotNull(answers[1].Deployment);
    }

    [Fact]
    public void A_model_needs_an_activity_that_deploys()
    {
        var error = Assert.Throws<AmlRbacException>(() => new PermissionQuestion(Seed, null, new[] { "SubmitRunV2" }, model: Falcon));

        Assert.Equal(ErrorIds.ModelWithoutDeployment, error.ErrorId);
        Assert.Contains("DeployModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_asset_id_fails_before_any_subject_is_answered()
    {
        var error = Assert.Throws<AmlRbacException>(() => new PermissionQuestion(Seed, null, new[] { "DeployModel" }, model: "tiiuae-falcon-7b"));

        Assert.Equal(ErrorIds.ModelAssetIdInvalid, error.ErrorId);
    }

    [Fact]
    public void The_scope_must_be_the_workspace_the_model_goes_to()
    {
        var error = Assert.Throws<AmlRbacException>(() => Ask(Seed, Falcon, workspace: DataScienceGroup));

        Assert.Equal(ErrorIds.ScopeInvalid, error.ErrorId);
    }

    [Theory]
    [InlineData(Outcome.Allowed, DeploymentOutcome.Allowed, Outcome.Allowed)]
    [InlineData(Outcome.Allowed, DeploymentOutcome.Denied, Outcome.Denied)]
    [InlineData(Outcome.Allowed, DeploymentOutcome.Unknown, Outcome.Unknown)]
    [InlineData(Outcome.NotGranted, DeploymentOutcome.Unknown, Outcome.NotGranted)]
    [InlineData(Outcome.Conditional, DeploymentOutcome.Allowed, Outcome.Conditional)]
    [InlineData(Outcome.Eligible, DeploymentOutcome.Denied, Outcome.Denied)]
    [InlineData(Outcome.Denied, DeploymentOutcome.Allowed, Outcome.Denied)]
    public void Both_layers_must_let_the_deployment_through(Outcome rbac, DeploymentOutcome policy, Outcome combined)
    {
        Assert.Equal(combined, DeploymentGuardrail.Combine(rbac, policy));
    }
}
