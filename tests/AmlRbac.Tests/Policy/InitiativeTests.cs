using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>An initiative assignment is judged member by member, with values passed from the initiative's parameters [INIT].</summary>
public sealed class InitiativeTests
{
    private const string RegistryMember = "MLModelRegistryDeploymentsRestrictedExceptAllowedRegistry";
    private const string ApprovedMember = "MLDeploymentsOnlyApprovedRegistryModels";
    private static readonly string SetId = $"{Subscription}/providers/Microsoft.Authorization/policySetDefinitions/ml-guardrails";

    private static readonly string SetDefinition = $$"""
        [ { "id": "{{SetId}}", "name": "ml-guardrails",
            "properties": {
              "displayName": "ML model guardrails",
              "parameters": {
                "registry": { "type": "String", "defaultValue": "azureml" },
                "blocked": { "type": "Array", "defaultValue": [] }
              },
              "policyDefinitions": [
                { "policyDefinitionId": "{{ModelPolicyAuthoring.RestrictToRegistryDefinitionId}}",
                  "policyDefinitionReferenceId": "{{RegistryMember}}",
                  "parameters": {
                    "allowedRegistryName": { "value": "[parameters('registry')]" },
                    "restrictedModels": { "value": "[parameters('blocked')]" },
                    "effect": { "value": "Deny" } } },
                { "policyDefinitionId": "{{ModelPolicyAuthoring.ApprovedRegistryModelsDefinitionId}}",
                  "policyDefinitionReferenceId": "{{ApprovedMember}}" }
              ] } } ]
        """;

    private static PolicyState Guardrails(string? exemptions = null) => State(
        $"[{Assignment("guardrails", Subscription, SetId, $$"""{ "blocked": { "value": [ "{{Falcon}}" ] } }""")}]",
        exemptions, setDefinitions: SetDefinition);

    [Fact]
    public void Each_member_gives_a_verdict()
    {
        var report = Deploy(Guardrails(), Falcon);

        Assert.Equal(DeploymentOutcome.Denied, report.Outcome);
        Assert.Collection(report.Verdicts,
            v => Assert.Equal((RegistryMember, Verdict.Deny), (v.PolicyDefinitionReferenceId, v.Verdict)),
            v => Assert.Equal((ApprovedMember, Verdict.Audit), (v.PolicyDefinitionReferenceId, v.Verdict)));
    }

    [Fact]
    public void Initiative_defaults_reach_the_members()
    {
        var report = Deploy(Guardrails(), MetaLlama);

        Assert.Equal(Verdict.Deny, report.Verdicts[0].Verdict);
        Assert.Equal(Verdict.Compliant, Deploy(Guardrails(), Phi).Verdicts[0].Verdict);
    }

    [Fact]
    public void An_exemption_can_name_one_member()
    {
        var exemption = $$"""
            [ { "id": "{{Workspace}}/providers/Microsoft.Authorization/policyExemptions/pilot",
                "properties": { "policyAssignmentId": "{{AssignmentId(Subscription, "guardrails")}}", "exemptionCategory": "Mitigated",
                                "policyDefinitionReferenceIds": [ "{{RegistryMember}}" ] } } ]
            """;
        var honour = BuiltIns with { ExemptionHandling = ExemptionHandling.Honour };

        var report = Deploy(Guardrails(exemption), Falcon, options: honour);

        Assert.Equal(DeploymentOutcome.Allowed, report.Outcome);
        Assert.Equal(new[] { Verdict.Exempt, Verdict.Audit }, report.Verdicts.Select(v => v.Verdict));
    }

    [Fact]
    public void A_missing_set_definition_is_unknown()
    {
        var state = State($"[{Assignment("guardrails", Subscription, SetId, "{}")}]");

        var verdict = Assert.Single(Deploy(state, Falcon).Verdicts);

        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Contains("is not in the snapshot", verdict.Explanation);
    }

    [Fact]
    public void A_missing_custom_definition_is_unknown()
    {
        var custom = $"{Subscription}/providers/Microsoft.Authorization/policyDefinitions/allowed-models";
        var state = State($"[{Assignment("allow", Subscription, custom, "{}")}]");

        var report = Deploy(state, Falcon);

        Assert.Equal(DeploymentOutcome.Unknown, report.Outcome);
        Assert.Equal("Its policy definition is neither in the snapshot nor one of the built-ins AmlRbac ships.", Assert.Single(report.Verdicts).Explanation);
    }

    [Fact]
    public void Resource_selectors_are_not_guessed()
    {
        var state = State($"[{Assignment("selective", Subscription, ModelPolicyAuthoring.RestrictToRegistryDefinitionId, SeedParameters(),
            ",\n\"resourceSelectors\": [ { \"name\": \"x\", \"selectors\": [ { \"kind\": \"resourceLocation\", \"in\": [\"eastus\"] } ] } ]")}]");

        var verdict = Assert.Single(Deploy(state, Falcon).Verdicts);

        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Contains("resourceSelectors or overrides", verdict.Explanation);
    }
}
