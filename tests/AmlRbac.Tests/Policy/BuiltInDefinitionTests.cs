using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;
using static AmlRbac.Tests.Policy.RuleHarness;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Policy;

/// <summary>The embedded built-ins: they load, every operator and function their rules use is supported, and their rules behave.</summary>
public sealed partial class BuiltInDefinitionTests
{
    private const string Approved = ModelPolicyAuthoring.ApprovedRegistryModelsDefinitionId;

    private static PolicyDefinition BuiltIn(string guid) => PolicyCatalog.Default.Find(guid) ?? throw new InvalidOperationException(guid);

    [Fact]
    public void The_catalog_holds_the_28_definitions_by_guid_and_id()
    {
        Assert.Equal(28, PolicyCatalog.Default.Definitions.Count);
        var restrict = BuiltIn("19539b54-c61e-4196-9a38-67598701be90");
        Assert.Same(restrict, PolicyCatalog.Default.Find(ModelPolicyAuthoring.RestrictToRegistryDefinitionId.ToUpperInvariant()));
        Assert.Equal("Microsoft.MachineLearningServices.v2.Data", restrict.Mode);
        Assert.Equal("1.0.0-preview", restrict.Version);
        Assert.False(restrict.Parameters["effect"].HasDefaultValue);
        Assert.Equal("", restrict.Parameters["allowedRegistryName"].DefaultValue);
        Assert.Null(PolicyCatalog.Default.Find($"/subscriptions/{SubscriptionId}/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90"));
    }

    [Fact]
    public void Every_operator_and_function_in_the_shipped_rules_is_supported()
    {
        var operators = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var functions = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in PolicyCatalog.Default.Definitions)
        {
            Collect(definition.PolicyRule.GetProperty("if"), operators, functions);
            Collect(definition.PolicyRule.GetProperty("then").GetProperty("effect"), operators, functions);
        }

        Assert.Equal(new[] { "contains", "equals", "exists", "greaterOrEquals", "in", "less", "like", "notEquals", "notin" }, operators);
        Assert.Equal(new[] { "concat", "current", "empty", "field", "length", "parameters" }, functions);
        Assert.All(operators, o => Assert.NotNull(ConditionOperators.Canonical(o)));
        Assert.All(functions, f => Assert.Contains(f, TemplateFunctions.Supported, StringComparer.OrdinalIgnoreCase));
    }

    private static void Collect(JsonElement node, ISet<string> operators, ISet<string> functions)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name is not ("allOf" or "anyOf" or "not" or "field" or "value" or "count" or "where" or "name"))
                    {
                        operators.Add(property.Name);
                    }
                    Collect(property.Value, operators, functions);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item, operators, functions);
                }
                break;
            case JsonValueKind.String when node.GetString()!.StartsWith('['):
                foreach (Match match in FunctionName().Matches(node.GetString()!))
                {
                    functions.Add(match.Groups[1].Value);
                }
                break;
        }
    }

    [GeneratedRegex(@"([A-Za-z]+)\(")]
    private static partial Regex FunctionName();

    // 12e5dd16: registryName exists, publisher notin allowedPublishers, count(allowedAssetIds where assetId contains current()) equals 0.
    private static PolicyState ApprovedModels(string publishers, string assetIds, string effect = "") => State($$"""
        [{{Assignment("approved", Subscription, Approved, $$"""
            { "allowedPublishers": { "value": {{publishers}} }, "allowedAssetIds": { "value": {{assetIds}} }{{effect}} }
            """)}}]
        """);

    [Fact]
    public void Approved_registry_models_allow_by_partial_asset_id()
    {
        var state = ApprovedModels("[]", """["azureml://registries/azureml/models/Phi-3"]""", """, "effect": { "value": "Deny" }""");

        var phi = Assert.Single(Deploy(state, Phi).Verdicts);
        var falcon = Assert.Single(Deploy(state, Falcon).Verdicts);

        Assert.Equal(Verdict.Compliant, phi.Verdict);
        Assert.Equal("if.allOf[2].allOf[1]", phi.Clause!.Path);
        Assert.Equal("count of 1 member(s) is 1; equals 0 is false", phi.Clause.Detail);
        Assert.Equal(Verdict.Deny, falcon.Verdict);
    }

    [Fact]
    public void Approved_registry_models_by_label_are_decided_only_by_a_prefix_inside_the_known_beginning()
    {
        var state = ApprovedModels("[]", """["azureml://registries/azureml/models/Phi-3"]""", """, "effect": { "value": "Deny" }""");

        var phi = Assert.Single(Deploy(state, "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/labels/latest").Verdicts);
        var falcon = Deploy(state, "azureml://registries/azureml/models/tiiuae-falcon-7b/labels/latest");

        Assert.Equal(Verdict.Compliant, phi.Verdict);
        Assert.Equal(DeploymentOutcome.Unknown, falcon.Outcome);
        Assert.StartsWith("cannot be evaluated: the count is between 0 and 1:", Assert.Single(falcon.Verdicts).Clause!.Detail);
    }

    [Fact]
    public void Approved_registry_models_need_the_publisher_when_publishers_are_listed()
    {
        var state = ApprovedModels("""["Microsoft"]""", "[]", """, "effect": { "value": "Deny" }""");

        var unknown = Deploy(state, Phi);
        var microsoft = PolicyEvaluator.EvaluateDeployment(state, Workspace, ModelAsset.Parse(Phi) with { Publisher = "microsoft" }, BuiltIns);
        var tii = PolicyEvaluator.EvaluateDeployment(state, Workspace, ModelAsset.Parse(Falcon) with { Publisher = "TII" }, BuiltIns);

        Assert.Equal(DeploymentOutcome.Unknown, unknown.Outcome);
        Assert.Contains("publisher was not given", Assert.Single(unknown.Verdicts).Clause!.Detail);
        Assert.Equal(DeploymentOutcome.Allowed, microsoft.Outcome);
        Assert.Equal(DeploymentOutcome.Denied, tii.Outcome);
    }

    [Fact]
    public void Approved_registry_models_default_to_audit_and_skip_workspace_models()
    {
        var state = ApprovedModels("[]", "[]");

        var registry = Assert.Single(Deploy(state, Phi).Verdicts);
        var workspace = Assert.Single(Deploy(state, WorkspaceModel).Verdicts);

        Assert.Equal(Verdict.Audit, registry.Verdict);
        Assert.Equal("Audit", registry.Effect);
        Assert.Equal(Verdict.Compliant, workspace.Verdict);
        Assert.Equal("if.allOf[1]", workspace.Clause!.Path);
        Assert.Contains(workspace.Notes, n => n.Contains("model.registryName is taken to be absent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("aafe3651-cb78-4f68-9f81-e7e41509110f", "Microsoft.CognitiveServices.Data")]
    [InlineData("438c38d2-3772-465a-a9cc-7a6666a275ce", "Indexed")]
    [InlineData("e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f", "All")]
    [InlineData("5853517a-63de-11ea-bc55-0242ac130003", "Microsoft.MachineLearningServices.Data")]
    public void Definitions_of_other_modes_do_not_evaluate_model_deployments(string guid, string mode)
    {
        var state = State($$"""[{{Assignment("other", Subscription, "/providers/Microsoft.Authorization/policyDefinitions/" + guid, """{ "effect": { "value": "Deny" } }""")}}]""");

        var verdict = Assert.Single(Deploy(state, Falcon).Verdicts);

        Assert.Equal(Verdict.NotApplicable, verdict.Verdict);
        Assert.Contains($"mode '{mode}'", verdict.Explanation);
    }

    [Fact]
    public void The_deprecated_test_copy_uses_a_value_condition()
    {
        var definition = BuiltIn("85793e88-5a58-4555-93fa-4df63c86ae9c");
        var request = new AliasRequest($$"""
            { "type": "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments",
              "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId": "{{MetaLlama}}" }
            """);

        Assert.Equal(Truth.True, If(definition, request, """{ "allowedRegistryNameV2": "azureml" }""").Truth);
        var off = If(definition, request, """{ "testString": "other" }""");
        Assert.Equal(Truth.False, off.Truth);
        Assert.Equal("if.allOf[0]", off.Clause.Path);
    }

    [Theory]
    [InlineData("""[{ "privateLinkServiceConnectionState": { "status": "Approved" } }]""", false)]
    [InlineData("""[{ "privateLinkServiceConnectionState": { "status": "Pending" } }]""", true)]
    [InlineData("[]", true)]
    public void Private_link_counts_approved_connections(string connections, bool fires)
    {
        var request = new AliasRequest($$"""
            { "type": "Microsoft.MachineLearningServices/workspaces",
              "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections[*]": {{connections}} }
            """);

        Assert.Equal(fires ? Truth.True : Truth.False, If(BuiltIn("45e05259-1eb5-4f70-9574-baf73e9d219b"), request).Truth);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(""", "Microsoft.MachineLearningServices/workspaces/publicNetworkAccess": "Enabled" """, true)]
    [InlineData(""", "Microsoft.MachineLearningServices/workspaces/publicNetworkAccess": "disabled" """, false)]
    public void Public_network_access_must_exist_and_be_disabled(string property, bool fires)
    {
        var request = new AliasRequest($$"""{ "type": "Microsoft.MachineLearningServices/workspaces"{{property}} }""");

        Assert.Equal(fires ? Truth.True : Truth.False, If(BuiltIn("438c38d2-3772-465a-a9cc-7a6666a275ce"), request).Truth);
    }

    [Theory]
    [InlineData("\"\"", true)]
    [InlineData("\"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s\"", false)]
    public void Computes_in_a_virtual_network_use_empty_of_field(string subnet, bool fires)
    {
        var request = new AliasRequest($$"""
            { "type": "Microsoft.MachineLearningServices/workspaces/computes",
              "Microsoft.MachineLearningServices/workspaces/computes/computeType": "AmlCompute",
              "Microsoft.MachineLearningServices/workspaces/computes/subnet.id": {{subnet}} }
            """);

        Assert.Equal(fires ? Truth.True : Truth.False, If(BuiltIn("7804b5c7-01dc-4723-969b-ae300cc07ff1"), request).Truth);
    }

    [Fact]
    public void Local_auth_compares_a_boolean_with_not_equals_true()
    {
        var request = new AliasRequest("""
            { "type": "Microsoft.MachineLearningServices/workspaces/computes",
              "Microsoft.MachineLearningServices/workspaces/computes/computeType": "ComputeInstance",
              "Microsoft.MachineLearningServices/workspaces/computes/disableLocalAuth": false }
            """);

        Assert.Equal(Truth.True, If(BuiltIn("e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f"), request).Truth);
    }

    [Theory]
    [InlineData("[]", "[]", true)]
    [InlineData("""["team-a"]""", """["team-a", "gpu"]""", true)]
    [InlineData("""["team-a"]""", """["gpu"]""", false)]
    public void Enforce_setting_rules_count_tags_and_read_lengths(string tags, string computeTags, bool fires)
    {
        var request = new AliasRequest($$"""
            { "Microsoft.MachineLearningServices.Data/workspaces/computeName": "cpu-cluster",
              "Microsoft.MachineLearningServices.Data/workspaces/computeType": "MachineLearningCompute",
              "Microsoft.MachineLearningServices.Data/workspaces/tags[*]": {{computeTags}} }
            """);

        Assert.Equal(fires ? Truth.True : Truth.False, If(BuiltIn("5853517a-63de-11ea-bc55-0242ac130003"), request, $$"""{ "tags": {{tags}} }""").Truth);
    }

    [Fact]
    public void Isolation_mode_compares_with_the_parameter_default()
    {
        var request = new AliasRequest("""
            { "type": "Microsoft.MachineLearningServices/workspaces",
              "Microsoft.MachineLearningServices/workspaces/managedNetwork.isolationMode": "AllowOnlyApprovedOutbound" }
            """);
        var definition = BuiltIn("6ddb1705-c8cf-450e-aa4b-19ad6703c440");

        Assert.Equal(Truth.True, If(definition, request).Truth);
        Assert.Equal(Truth.False, If(definition, request, """{ "isolationMode": "AllowOnlyApprovedOutbound" }""").Truth);
    }

    [Theory]
    [InlineData("""[{ "groupIds": ["amlworkspace"] }]""", true)]
    [InlineData("""[{ "groupIds": ["blob"] }, { "groupIds": ["queue", "AMLWorkspace"] }]""", true)]
    [InlineData("""[{ "groupIds": ["blob"] }]""", false)]
    public void Private_dns_zones_count_nested_array_members(string connections, bool fires)
    {
        var request = new AliasRequest($$"""
            { "type": "Microsoft.Network/privateEndpoints",
              "Microsoft.Network/privateEndpoints/privateLinkServiceConnections[*]": {{connections}} }
            """);

        Assert.Equal(fires ? Truth.True : Truth.False, If(BuiltIn("ee40564d-486e-4f68-a5ca-7a621edae0fb"), request).Truth);
    }
}
