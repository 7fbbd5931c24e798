using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>
/// An assignment whose enforcementMode is DoNotEnforce never blocks: "The policy effect is not enforced during
/// resource creation or update" [SPEC-PA]. So when AmlRbac cannot tell what such an assignment does, the
/// deployment's outcome stays what the enforced assignments make it; the same assignment enforced makes it Unknown.
/// </summary>
public sealed class EnforcementModeTests
{
    private const string Restrict = ModelPolicyAuthoring.RestrictToRegistryDefinitionId;
    private const string ReportOnly = ",\n\"enforcementMode\": \"DoNotEnforce\"";

    // The asset id of a label is only known up to the label, so the blog's [SEED2] "restrictedModels" clause is Unknown.
    private const string FalconLatest = "azureml://registries/azureml/models/tiiuae-falcon-7b/labels/latest";

    [Theory]
    [InlineData("", DeploymentOutcome.Unknown)]
    [InlineData(ReportOnly, DeploymentOutcome.Allowed)]
    public void An_unevaluable_rule_with_effect_deny_counts_only_when_enforced(string enforcement, DeploymentOutcome expected)
    {
        var state = State($"[{Assignment("restrict-registry", Subscription, Restrict, SeedParameters(), enforcement)}]");

        var report = Deploy(state, FalconLatest);

        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Equal("Deny", verdict.Effect);
        Assert.Equal(expected, report.Outcome);
    }

    [Theory]
    [InlineData("", DeploymentOutcome.Unknown)]
    [InlineData(ReportOnly, DeploymentOutcome.Allowed)]
    public void A_missing_definition_counts_only_when_enforced(string enforcement, DeploymentOutcome expected)
    {
        var missing = $"/subscriptions/{SubscriptionId}/providers/Microsoft.Authorization/policyDefinitions/not-in-the-snapshot";
        var state = State($"[{Assignment("unknown-definition", Subscription, missing, "{}", enforcement)}]");

        var report = Deploy(state, Falcon);

        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Null(verdict.Effect);
        Assert.Equal(expected, report.Outcome);
    }

    [Fact]
    public void A_report_only_unknown_does_not_hide_an_enforced_deny()
    {
        var state = State($$"""
            [ {{Assignment("report-only", Subscription, Restrict, SeedParameters(), ReportOnly)}},
              {{Assignment("enforced", DataScienceGroup, Restrict, SeedParameters())}} ]
            """);

        Assert.Equal(DeploymentOutcome.Denied, Deploy(state, Falcon).Outcome);
        Assert.Equal(DeploymentOutcome.Unknown, Deploy(state, FalconLatest).Outcome);
    }
}
