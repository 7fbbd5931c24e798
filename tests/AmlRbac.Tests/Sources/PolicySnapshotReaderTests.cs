using System.Text.Json;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Sources;

/// <summary>The ARM shapes of arm-examples/*.json read into a state; a malformed item fails with its JSON path.</summary>
public sealed class PolicySnapshotReaderTests
{
    // The example's response body (a list page or one object) as the given snapshot section.
    private static PolicyState ReadExample(string file, string section)
    {
        using var example = JsonDocument.Parse(File.ReadAllText(ArmExample(file)));
        var body = example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
        var sectionJson = body.TryGetProperty("value", out _) ? body.GetRawText() : $"[{body.GetRawText()}]";
        using var document = JsonDocument.Parse($"{{ \"{section}\": {sectionJson} }}");
        return PolicySnapshotReader.Read(document.RootElement, file);
    }

    [Fact]
    public void Reads_listed_assignments()
    {
        var state = ReadExample("policy_2025-11-01_listPolicyAssignments.json", "policyAssignments");

        Assert.Equal(2, state.Assignments.Count);
        var cost = state.Assignments[0];
        Assert.Equal("CostManagement", cost.Name);
        Assert.Equal(Scope.ForSubscription("ae640e6b-ba3e-4256-9d62-2993eecfa6f2"), cost.Scope);
        Assert.Equal("/subscriptions/ae640e6b-ba3e-4256-9d62-2993eecfa6f2/providers/Microsoft.Authorization/policyDefinitions/storageSkus", cost.PolicyDefinitionId);
        Assert.Equal("Standard_A1", cost.Parameters["allowedSkus"]);
        Assert.Empty(cost.NotScopes);
        Assert.Equal(EnforcementMode.Default, cost.EnforcementMode);
        Assert.False(cost.IsSetAssignment);
        Assert.Empty(state.Assignments[1].Parameters);
    }

    [Theory]
    [InlineData("policy_2025-03-01_listPolicyAssignmentsForResourceGroup.json")]
    [InlineData("policy_2025-11-01_listPolicyAssignmentsForResource.json")]
    public void Reads_resource_group_assignments(string file)
    {
        var state = ReadExample(file, "policyAssignments");

        Assert.All(state.Assignments, a => Assert.Equal(ScopeLevel.ResourceGroup, a.Scope.Level));
        Assert.Equal("TestCostManagement", state.Assignments[0].Name);
    }

    [Fact]
    public void Reads_exemptions_with_their_scope_from_the_id()
    {
        var state = ReadExample("policy_2024-12-01-preview_listPolicyExemptionsForResourceGroup.json", "policyExemptions");

        var waiver = state.Exemptions[0];
        Assert.Equal(Scope.ForSubscription("ae640e6b-ba3e-4256-9d62-2993eecfa6f2"), waiver.Scope);
        Assert.Equal(ExemptionCategory.Waiver, waiver.Category);
        Assert.Equal(new[] { "Limit_Skus" }, waiver.PolicyDefinitionReferenceIds);
        Assert.Null(waiver.ExpiresOn);
        Assert.Equal("/providers/Microsoft.Management/managementGroups/DevOrg/providers/Microsoft.Authorization/policyAssignments/CostManagement", waiver.PolicyAssignmentId);
        var mitigated = state.Exemptions[1];
        Assert.Equal(ExemptionCategory.Mitigated, mitigated.Category);
        Assert.Equal("TestResourceGroup", mitigated.Scope.ResourceGroupName);
    }

    [Fact]
    public void Reads_set_definitions_with_member_values()
    {
        var state = ReadExample("policy_2025-11-01_listPolicySetDefinitions.json", "policySetDefinitions");

        Assert.Equal(10, state.SetDefinitions[0].Members.Count);
        var cost = state.SetDefinitions[1];
        Assert.Equal("Limit_Skus", cost.Members[0].PolicyDefinitionReferenceId);
        Assert.Equal(new object?[] { "Standard_GRS", "Standard_LRS" }, (IEnumerable<object?>)cost.Members[0].Parameters["listOfAllowedSKUs"]!);
        Assert.Equal("DeptA", cost.Members[1].Parameters["prefix"]);
    }

    [Fact]
    public void Reads_a_definition_without_parameter_defaults()
    {
        var state = ReadExample("policy_2025-11-01_getBuiltinPolicyDefinition.json", "policyDefinitions");

        var definition = Assert.Single(state.Definitions);
        Assert.Equal("7433c107-6db4-4ad1-b57a-a76dce0154a1", definition.Name);
        Assert.Equal("All", definition.Mode);
        Assert.Equal("1.2.1", definition.Version);
        Assert.False(definition.Parameters["listOfAllowedSKUs"].HasDefaultValue);
        Assert.Equal("Deny", definition.PolicyRule.GetProperty("then").GetProperty("effect").GetString());
    }

    [Fact]
    public void A_definition_without_mode_is_indexed()
    {
        var state = State(definitions: """
            [ { "id": "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/providers/Microsoft.Authorization/policyDefinitions/d",
                "properties": { "policyRule": { "if": { "field": "type", "equals": "x" }, "then": { "effect": "audit" } } } } ]
            """);

        Assert.Equal("Indexed", Assert.Single(state.Definitions).Mode);
        Assert.Equal("d", state.Definitions[0].Name);
    }

    private static AmlRbacException Fails(string? assignments = null, string? exemptions = null)
    {
        var error = Assert.Throws<AmlRbacException>(() => State(assignments, exemptions));
        Assert.Equal(ErrorIds.PolicyInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Category);
        return error;
    }

    private static readonly string Id = AssignmentId(Subscription, "a");

    [Fact]
    public void A_missing_definition_id_names_the_path()
    {
        var error = Fails($$"""[ { "id": "{{Id}}", "properties": { "scope": "{{Subscription}}" } } ]""");

        Assert.Equal("test.snapshot.json: $.policyAssignments[0].properties: the property 'policyDefinitionId' is missing or empty.", error.Message);
    }

    [Theory]
    [InlineData("\"enforcementMode\": \"Sometimes\"", "$.policyAssignments[0].properties.enforcementMode: 'Sometimes' is not an enforcement mode")]
    [InlineData("\"parameters\": { \"effect\": \"Deny\" }", "$.policyAssignments[0].properties.parameters.effect: a parameter value is written {\"value\": ...}")]
    [InlineData("\"notScopes\": [ \"resourceGroups/rg\" ]", "$.policyAssignments[0].properties.notScopes[0]: 'resourceGroups/rg' is not a scope")]
    [InlineData("\"notScopes\": \"/subscriptions\"", "$.policyAssignments[0].properties.notScopes: expected an array, found a string.")]
    public void A_bad_assignment_value_names_the_path(string property, string message)
    {
        var error = Fails($$"""
            [ { "id": "{{Id}}", "properties": { "policyDefinitionId": "{{ModelPolicyAuthoring.RestrictToRegistryDefinitionId}}", {{property}} } } ]
            """);

        Assert.Contains("test.snapshot.json: " + message, error.Message);
    }

    [Fact]
    public void A_scope_is_taken_from_the_id_when_absent()
    {
        var state = State($$"""[ { "id": "{{AssignmentId(DataScienceGroup, "a")}}", "properties": { "policyDefinitionId": "x" } } ]""");

        Assert.Equal(DataScienceGroup, Assert.Single(state.Assignments).Scope);
    }

    [Theory]
    [InlineData("\"exemptionCategory\": \"Forgiven\"", "$.policyExemptions[0].properties.exemptionCategory: 'Forgiven' is not an exemption category")]
    [InlineData("\"exemptionCategory\": \"Waiver\", \"expiresOn\": \"soon\"", "$.policyExemptions[0].properties.expiresOn: 'soon' is not an ISO 8601 date and time.")]
    public void A_bad_exemption_value_names_the_path(string properties, string message)
    {
        var error = Fails(exemptions: $$"""
            [ { "id": "{{Subscription}}/providers/Microsoft.Authorization/policyExemptions/e",
                "properties": { "policyAssignmentId": "{{Id}}", {{properties}} } } ]
            """);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_exemption_id_must_name_its_scope()
    {
        var error = Fails(exemptions: $$"""
            [ { "id": "e1", "properties": { "policyAssignmentId": "{{Id}}", "exemptionCategory": "Mitigated" } } ]
            """);

        Assert.Contains("$.policyExemptions[0].id: 'e1' does not contain '/providers/Microsoft.Authorization/policyExemptions/'", error.Message);
    }
}
