using System.Text.Json;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Sources;
using AmlRbac.Tests.Output;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// Each authored assignment, read back from its own JSON, allows exactly the intended models when the evaluator runs
/// over it; and inputs Azure would refuse are refused.
/// </summary>
public sealed class ModelPolicyAuthoringTests
{
    private static readonly ModelPolicyAuthoring Author = new(PolicyCatalog.Default.Find);

    private static readonly string[] Samples = { Falcon, Phi, MetaLlama, WorkspaceModel };

    // The samples the assignment lets through into the production workspace.
    private static IEnumerable<string> Allowed(PolicyState state, Scope? workspace = null) =>
        Samples.Where(model => Deploy(state, model, workspace).Outcome == DeploymentOutcome.Allowed);

    [Fact]
    public void The_seed_registry_restriction_allows_exactly_the_other_azureml_models()
    {
        var draft = Author.RestrictToRegistry(Subscription, "azureml", new[] { Falcon },
            AssignmentSettings.Default with { NotScopes = new[] { SandboxGroup } });
        var state = State($"[{Item(draft)}]");

        Assert.Equal(new[] { Phi, WorkspaceModel }, Allowed(state));
        Assert.Equal(Samples, Allowed(state, SandboxWorkspace));
        Assert.Equal($"{Subscription}/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry", draft.Id);
    }

    [Fact]
    public void The_parameters_file_is_the_value_wrapped_form()
    {
        var draft = Author.RestrictToRegistry(Subscription, "azureml", new[] { Falcon, Falcon.ToUpperInvariant() });

        using var parameters = JsonDocument.Parse(draft.ParametersJson);
        Assert.Equal("azureml", parameters.RootElement.GetProperty("allowedRegistryName").GetProperty("value").GetString());
        Assert.Equal(Falcon, Assert.Single(parameters.RootElement.GetProperty("restrictedModels").GetProperty("value").EnumerateArray()).GetString());
        Assert.Equal("Deny", parameters.RootElement.GetProperty("effect").GetProperty("value").GetString());
        Assert.Equal(new[] { "allowedRegistryName", "restrictedModels", "effect" }, draft.ParameterValues.Keys);
        using var body = JsonDocument.Parse(draft.AssignmentJson);
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal(ModelPolicyAuthoring.RestrictToRegistryDefinitionId, properties.GetProperty("policyDefinitionId").GetString());
        Assert.Equal("Default", properties.GetProperty("enforcementMode").GetString());
        Assert.Equal(draft.ParametersJson, JsonSerializer.Serialize(properties.GetProperty("parameters"), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void An_empty_registry_blocks_every_registry_model_and_says_so()
    {
        var draft = Author.RestrictToRegistry(Subscription, "", Array.Empty<string>());

        Assert.Equal(new[] { WorkspaceModel }, Allowed(State($"[{Item(draft)}]")));
        Assert.Contains(draft.Warnings, w => w.Contains("every registry model is blocked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_restricted_model_of_another_registry_is_flagged_as_redundant()
    {
        var draft = Author.RestrictToRegistry(Subscription, "azureml", new[] { MetaLlama });

        Assert.Contains(draft.Warnings, w => w.StartsWith($"'{MetaLlama}' is not in registry 'azureml'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("azure*", "Deny", ErrorIds.PolicyParameterInvalid)]
    [InlineData("azureml", "deny", ErrorIds.PolicyParameterInvalid)]
    [InlineData("azureml", "Audit", ErrorIds.PolicyParameterInvalid)]
    public void Values_azure_refuses_are_refused(string registry, string effect, string errorId)
    {
        var error = Assert.Throws<AmlRbacException>(() =>
            Author.RestrictToRegistry(Subscription, registry, Array.Empty<string>(), AssignmentSettings.Default with { Effect = effect }));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void A_restricted_model_must_be_an_asset_id()
    {
        var error = Assert.Throws<AmlRbacException>(() => Author.RestrictToRegistry(Subscription, "azureml", new[] { "tiiuae-falcon-7b" }));

        Assert.Equal(ErrorIds.ModelAssetIdInvalid, error.ErrorId);
    }

    [Fact]
    public void Exactly_compared_lists_need_versions_not_labels()
    {
        const string label = "azureml://registries/azureml/models/tiiuae-falcon-7b/labels/latest";
        var definition = Author.AllowListDefinition(Subscription);

        var restrict = Assert.Throws<AmlRbacException>(() => Author.RestrictToRegistry(Subscription, "azureml", new[] { label }));
        var allow = Assert.Throws<AmlRbacException>(() => Author.AssignAllowList(Subscription, definition, new[] { Phi, label }));

        Assert.Equal(ErrorIds.PolicyParameterInvalid, restrict.ErrorId);
        Assert.Equal($"'{label}' names label 'latest': restrictedModels entries are compared as whole asset ids (Azure Policy definition structure, policy rule: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule), so give the version.", restrict.Message);
        Assert.Equal(ErrorIds.PolicyParameterInvalid, allow.ErrorId);
        Assert.Contains("allowedModels entries", allow.Message);
    }

    [Fact]
    public void A_do_not_enforce_assignment_denies_nothing()
    {
        var draft = Author.RestrictToRegistry(Subscription, "azureml", new[] { Falcon },
            AssignmentSettings.Default with { EnforcementMode = EnforcementMode.DoNotEnforce, Name = "try-it" });

        Assert.Equal(Samples, Allowed(State($"[{Item(draft)}]")));
        Assert.EndsWith("/policyAssignments/try-it", draft.Id);
    }

    [Fact]
    public void Approved_registry_models_allow_exactly_the_listed_ids_and_prefixes()
    {
        var draft = Author.ApprovedRegistryModels(Subscription, Array.Empty<string>(),
            new[] { Phi, "azureml://registries/azureml-meta/models/Llama-2-7b/" });

        Assert.Equal(new[] { Phi, MetaLlama, WorkspaceModel }, Allowed(State($"[{Item(draft)}]")));
        Assert.Contains(draft.Warnings, w => w.Contains("https://learn.microsoft.com/azure/ai-foundry/how-to/built-in-policy-model-deployment", StringComparison.Ordinal));
        Assert.Empty((IEnumerable<object?>)draft.ParameterValues["allowedPublishers"]!);
    }

    [Fact]
    public void Approved_publishers_allow_models_whose_publisher_is_given()
    {
        var draft = Author.ApprovedRegistryModels(Subscription, new[] { "Microsoft" }, Array.Empty<string>());
        var state = State($"[{Item(draft)}]");

        var microsoft = PolicyEvaluator.EvaluateDeployment(state, Workspace, ModelAsset.Parse(Phi) with { Publisher = "Microsoft" }, BuiltIns);
        var tii = PolicyEvaluator.EvaluateDeployment(state, Workspace, ModelAsset.Parse(Falcon) with { Publisher = "TII" }, BuiltIns);

        Assert.Equal(DeploymentOutcome.Allowed, microsoft.Outcome);
        Assert.Equal(DeploymentOutcome.Denied, tii.Outcome);
        Assert.Equal(DeploymentOutcome.Unknown, Deploy(state, Falcon).Outcome);
        Assert.Contains(draft.Warnings, w => w.Contains("publisher", StringComparison.Ordinal));
    }

    [Fact]
    public void Approved_asset_ids_cannot_hold_a_wildcard()
    {
        var error = Assert.Throws<AmlRbacException>(() =>
            Author.ApprovedRegistryModels(Subscription, Array.Empty<string>(), new[] { "azureml://registries/azureml/models/*" }));

        Assert.Equal(ErrorIds.PolicyParameterInvalid, error.ErrorId);
    }

    [Fact]
    public void The_custom_allow_list_allows_exactly_the_listed_models()
    {
        var definition = Author.AllowListDefinition(Subscription);
        var assignment = Author.AssignAllowList(DataScienceGroup, definition, new[] { Phi, MetaLlama });
        var state = State($"[{Item(assignment)}]", definitions: $"[{Item(definition)}]");

        Assert.Equal(new[] { Phi, MetaLlama }, Allowed(state));
        Assert.Equal(Samples, Allowed(state, SandboxWorkspace));
        Assert.Equal(definition.Id, assignment.PolicyDefinitionId);
        Assert.Equal("Microsoft.MachineLearningServices.v2.Data", Assert.Single(state.Definitions).Mode);
    }

    [Fact]
    public void The_custom_allow_list_warns_with_both_sources()
    {
        var definition = Author.AllowListDefinition(Subscription);
        var assignment = Author.AssignAllowList(Subscription, definition, new[] { Phi });

        Assert.Contains(ModelPolicyAuthoring.CustomDataModeWarning, definition.Warnings);
        Assert.Contains(ModelPolicyAuthoring.CustomDataModeWarning, assignment.Warnings);
        Assert.Contains("only support built-in policy definitions", ModelPolicyAuthoring.CustomDataModeWarning);
        Assert.Contains("https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics", ModelPolicyAuthoring.CustomDataModeWarning);
        Assert.Contains("https://techcommunity.microsoft.com/t5/ai-machine-learning-blog/control-model-catalog-deployments-with-azure-rbac-and-azure/ba-p/4147633", ModelPolicyAuthoring.CustomDataModeWarning);
    }

    [Fact]
    public void The_custom_definition_lives_at_a_subscription_or_management_group_and_is_assigned_below_it()
    {
        Assert.Equal(ErrorIds.PolicyParameterInvalid,
            Assert.Throws<AmlRbacException>(() => Author.AllowListDefinition(DataScienceGroup)).ErrorId);
        var definition = Author.AllowListDefinition(Subscription);
        Assert.Equal(ErrorIds.PolicyParameterInvalid,
            Assert.Throws<AmlRbacException>(() => Author.AssignAllowList(Scope.ForSubscription(OtherSubscriptionId), definition, new[] { Phi })).ErrorId);
        Assert.Equal("/providers/Microsoft.Management/managementGroups/ml/providers/Microsoft.Authorization/policyDefinitions/allowed-models",
            Author.AllowListDefinition(Scope.ForManagementGroup("ml")).Id);
    }
}
