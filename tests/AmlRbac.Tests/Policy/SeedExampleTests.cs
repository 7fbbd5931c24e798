using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>
/// The Model Catalog curation blog's example [SEED2]: 19539b54 assigned at a subscription, allowing only the azureml
/// registry and restricting tiiuae-falcon-7b, effect Deny.
/// </summary>
public sealed class SeedExampleTests
{
    private const string Restrict = ModelPolicyAuthoring.RestrictToRegistryDefinitionId;

    private static readonly string SandboxExcluded = $$"""
        ,
            "notScopes": [ "{{SandboxGroup}}" ]
        """;

    private static PolicyState Seed(string extra = "", string? exemptions = null) =>
        State($"[{Assignment("restrict-registry", Subscription, Restrict, SeedParameters(), extra)}]", exemptions);

    [Fact]
    public void Falcon_is_denied_by_the_restricted_models_clause()
    {
        var report = Deploy(Seed(), Falcon);

        Assert.Equal(DeploymentOutcome.Denied, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Deny, verdict.Verdict);
        Assert.Equal("Deny", verdict.Effect);
        Assert.Equal("if.allOf[1].anyOf[0]", verdict.Clause!.Path);
        Assert.Contains("\"in\":\"[parameters('restrictedModels')]\"", verdict.Clause.Text);
        Assert.Equal($"model.assetId is \"{Falcon}\"; in [\"{Falcon}\"] is true", verdict.Clause.Detail);
    }

    [Fact]
    public void Another_azureml_model_is_allowed_and_the_not_like_clause_says_why()
    {
        var report = Deploy(Seed(), Phi);

        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Compliant, verdict.Verdict);
        Assert.Equal("if.allOf[1].anyOf[1].allOf[1]", verdict.Clause!.Path);
        Assert.Equal($"not (model.assetId is \"{Phi}\"; like \"azureml://registries/azureml/*\" is true)", verdict.Clause.Detail);
    }

    [Fact]
    public void A_model_from_another_registry_is_denied()
    {
        var report = Deploy(Seed(), MetaLlama);

        Assert.Equal(DeploymentOutcome.Denied, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Deny, verdict.Verdict);
        Assert.Equal("if.allOf[1].anyOf[1].allOf[1]", verdict.Clause!.Path);
        Assert.StartsWith("not (model.assetId is \"azureml://registries/azureml-meta/", verdict.Clause.Detail);
    }

    [Fact]
    public void Asset_ids_compare_case_insensitively()
    {
        var report = Deploy(Seed(), "AZUREML://registries/AzureML/models/TIIUAE-Falcon-7B/versions/4");

        Assert.Equal(Verdict.Deny, Assert.Single(report.Verdicts).Verdict);
    }

    [Fact]
    public void A_restricted_entry_without_the_version_does_not_match_a_versioned_id()
    {
        var unversioned = """
            { "allowedRegistryName": { "value": "azureml" },
              "restrictedModels": { "value": [ "azureml://registries/azureml/models/tiiuae-falcon-7b" ] },
              "effect": { "value": "Deny" } }
            """;
        var state = State($"[{Assignment("restrict-registry", Subscription, Restrict, unversioned)}]");

        Assert.Equal(DeploymentOutcome.Allowed, Deploy(state, Falcon).Outcome);
    }

    [Fact]
    public void A_workspace_model_is_not_affected_and_the_assumption_is_stated()
    {
        var verdict = Assert.Single(Deploy(Seed(), WorkspaceModel).Verdicts);

        Assert.Equal(Verdict.Compliant, verdict.Verdict);
        Assert.Contains(verdict.Notes, n => n.Contains("workspace model is taken as given", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workspace_in_a_not_scope_resource_group_is_allowed()
    {
        var report = Deploy(Seed(SandboxExcluded), Falcon, SandboxWorkspace);

        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.NotApplicable, verdict.Verdict);
        Assert.Contains(SandboxGroup.Value, verdict.Explanation);
        Assert.Null(verdict.Clause);
    }

    [Fact]
    public void The_not_scope_does_not_exempt_other_resource_groups()
    {
        Assert.Equal(DeploymentOutcome.Denied, Deploy(Seed(SandboxExcluded), Falcon).Outcome);
    }

    [Fact]
    public void A_do_not_enforce_assignment_is_reported_but_does_not_deny()
    {
        var state = State($"[{Assignment("restrict-registry-audit", DataScienceGroup, Restrict, SeedParameters(), ",\n\"enforcementMode\": \"DoNotEnforce\"")}]");

        var report = Deploy(state, Falcon);

        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.DoNotEnforce, verdict.Verdict);
        Assert.Equal("Deny", verdict.Effect);
        Assert.Equal("if.allOf[1].anyOf[0]", verdict.Clause!.Path);
    }

    [Fact]
    public void Layered_assignments_are_cumulative_most_restrictive()
    {
        var state = State($$"""
            [ {{Assignment("report-only", Subscription, Restrict, SeedParameters(), ",\n\"enforcementMode\": \"DoNotEnforce\"")}},
              {{Assignment("enforced", DataScienceGroup, Restrict, SeedParameters())}} ]
            """);

        var report = Deploy(state, Falcon);

        Assert.Equal(DeploymentOutcome.Denied, report.Outcome);
        Assert.Equal(new[] { Verdict.DoNotEnforce, Verdict.Deny }, report.Verdicts.Select(v => v.Verdict));
    }

    private static string Exemption(string expires = "") => $$"""
        [ { "id": "{{DataScienceGroup}}/providers/Microsoft.Authorization/policyExemptions/falcon-pilot",
            "name": "falcon-pilot",
            "properties": {
              "policyAssignmentId": "{{AssignmentId(Subscription, "restrict-registry")}}",
              "exemptionCategory": "Waiver"{{expires}} } } ]
        """;

    [Fact]
    public void An_exemption_is_set_aside_by_default_as_the_exemption_docs_say_for_v2_data()
    {
        var report = Deploy(Seed(exemptions: Exemption()), Falcon);

        Assert.Equal(DeploymentOutcome.Denied, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Deny, verdict.Verdict);
        Assert.Equal("falcon-pilot", verdict.Exemption!.Name);
        Assert.Contains(verdict.Notes, n => n.StartsWith("Exemption 'falcon-pilot' is set aside", StringComparison.Ordinal) && n.Contains("https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure") && n.Contains("https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments"));
    }

    [Fact]
    public void An_exemption_is_honoured_when_asked()
    {
        var options = BuiltIns with { ExemptionHandling = ExemptionHandling.Honour };

        var report = Deploy(Seed(exemptions: Exemption()), Falcon, options: options);

        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Exempt, verdict.Verdict);
        Assert.Equal(ExemptionCategory.Waiver, verdict.Exemption!.Category);
    }

    [Fact]
    public void An_exemption_covers_only_its_scope()
    {
        var options = BuiltIns with { ExemptionHandling = ExemptionHandling.Honour };

        var report = Deploy(Seed(exemptions: Exemption()), Falcon, SandboxWorkspace, options);

        Assert.Equal(Verdict.Deny, Assert.Single(report.Verdicts).Verdict);
    }

    [Fact]
    public void An_expired_exemption_no_longer_applies()
    {
        var expiring = Exemption(",\n\"expiresOn\": \"2025-05-31T23:59:59Z\"");
        var before = BuiltIns with { ExemptionHandling = ExemptionHandling.Honour, Clock = ClockAt("2025-05-01T00:00:00Z") };
        var after = before with { Clock = ClockAt("2025-06-01T00:00:00Z") };

        Assert.Equal(Verdict.Exempt, Assert.Single(Deploy(Seed(exemptions: expiring), Falcon, options: before).Verdicts).Verdict);
        var expired = Assert.Single(Deploy(Seed(exemptions: expiring), Falcon, options: after).Verdicts);
        Assert.Equal(Verdict.Deny, expired.Verdict);
        Assert.Contains(expired.Notes, n => n.Contains("expired on 2025-05-31 23:59:59Z", StringComparison.Ordinal));
    }

    [Fact]
    public void The_built_in_default_blocks_every_registry_model()
    {
        var state = State($$"""[{{Assignment("deny-registries", Subscription, Restrict, """{ "effect": { "value": "Deny" } }""")}}]""");

        Assert.Equal(DeploymentOutcome.Denied, Deploy(state, Phi).Outcome);
        Assert.Equal(DeploymentOutcome.Denied, Deploy(state, MetaLlama).Outcome);
        Assert.Equal(DeploymentOutcome.Allowed, Deploy(state, WorkspaceModel).Outcome);
        Assert.Equal("not (model.assetId is \"" + Phi + "\"; like \"azureml://registries//*\" is false)",
            Assert.Single(Deploy(state, Phi).Verdicts).Clause!.Detail);
    }

    [Fact]
    public void An_effect_with_no_value_and_no_default_is_unknown()
    {
        var state = State($$"""[{{Assignment("no-effect", Subscription, Restrict, """{ "allowedRegistryName": { "value": "azureml" } }""")}}]""");

        var report = Deploy(state, Phi);

        Assert.Equal(DeploymentOutcome.Unknown, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Null(verdict.Effect);
        Assert.Equal("Its effect cannot be resolved: parameter 'effect' has no value in the assignment and no defaultValue in the definition (Azure Policy definition structure, parameters: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-parameters).", verdict.Explanation);
    }

    [Fact]
    public void A_disabled_assignment_evaluates_nothing()
    {
        var state = State($"[{Assignment("off", Subscription, Restrict, SeedParameters(effect: "Disabled"))}]");

        var verdict = Assert.Single(Deploy(state, Falcon).Verdicts);

        Assert.Equal(Verdict.NotApplicable, verdict.Verdict);
        Assert.Equal("Disabled", verdict.Effect);
    }

    [Fact]
    public void Assignments_elsewhere_are_not_reported()
    {
        var state = State($"[{Assignment("other-sub", Scope.ForSubscription(OtherSubscriptionId), Restrict, SeedParameters())}]");

        var report = Deploy(state, Falcon);

        Assert.Empty(report.Verdicts);
        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
    }

    [Fact]
    public void A_management_group_assignment_needs_the_hierarchy()
    {
        var group = Scope.ForManagementGroup("contoso-ml");
        var state = State($"[{Assignment("mg-restrict", group, Restrict, SeedParameters())}]");
        var hierarchy = BuiltIns with
        {
            ManagementGroups = new[]
            {
                new ManagementGroup { Id = "contoso-ml", Parent = "contoso" },
                new ManagementGroup { Id = "contoso-ml-prod", Parent = "contoso-ml", Subscriptions = new[] { SubscriptionId } },
            },
        };

        var unknown = Deploy(state, Falcon);
        var known = Deploy(state, Falcon, options: hierarchy);

        Assert.Equal(DeploymentOutcome.Unknown, unknown.Outcome);
        Assert.Contains("management group 'contoso-ml'", Assert.Single(unknown.Verdicts).Explanation);
        Assert.Equal(DeploymentOutcome.Denied, known.Outcome);
        var sibling = State($"[{Assignment("mg-restrict", Scope.ForManagementGroup("contoso-research"), Restrict, SeedParameters())}]");
        Assert.Empty(Deploy(sibling, Falcon, options: hierarchy).Verdicts);
    }

    [Fact]
    public void The_workspace_must_be_an_azure_ml_workspace()
    {
        var error = Assert.Throws<AmlRbacException>(() => Deploy(Seed(), Falcon, DataScienceGroup));

        Assert.Equal(ErrorIds.ScopeInvalid, error.ErrorId);
    }
}
