using Xunit;
using static AmlRbac.Tests.Questions.GuardrailTenant;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.Output;
using AmlRbac.Tests.Policy;
using AmlRbac.Tests.Questions;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// New-AmlModelPolicy's and 'amlrbac policy new''s engine: each emitted assignment, read back from its own JSON into
/// a tenant, lets the data scientist (whom RBAC allows) deploy exactly the intended sample models.
/// </summary>
public sealed class ModelPolicyRequestTests
{
    private static readonly string[] Samples = { Falcon, Phi, MetaLlama, WorkspaceModel };

    private static IEnumerable<string> Deployable(ModelPolicy policy, Scope? workspace = null)
    {
        var definitions = policy.Definition is { } custom ? $"[{Item(custom)}]" : "[]";
        // The custom definition goes in the snapshot beside its assignment, as it would be exported.
        var evaluator = new AccessEvaluator(With("[]") with { Policy = State($"[{Item(policy.Assignment)}]", definitions: definitions) });
        return Samples.Where(model =>
            new PermissionQuestion(evaluator, null, new[] { "DeployModel" }, model: model)
                .AnswerFor(Subject.PrincipalAt(Scientist, (workspace ?? Workspace).Value)).Single().Outcome == Outcome.Allowed);
    }

    private static ModelPolicyRequest Request(ModelPolicyKind kind) => new() { Kind = kind, Scope = Subscription.Value };

    [Fact]
    public void The_registry_restriction_allows_exactly_the_other_azureml_models_and_workspace_models()
    {
        var policy = (Request(ModelPolicyKind.RestrictToRegistry) with
        {
            AllowedRegistry = "azureml",
            RestrictedModels = new[] { Falcon },
            NotScopes = new[] { SandboxGroup.Value },
        }).Build();

        Assert.Equal(new[] { Phi, WorkspaceModel }, Deployable(policy));
        Assert.Equal(Samples, Deployable(policy, SandboxWorkspace));
        Assert.Equal(ModelPolicyAuthoring.RestrictToRegistryDefinitionId, policy.Assignment.PolicyDefinitionId);
        Assert.Null(policy.Definition);
    }

    [Fact]
    public void An_empty_registry_allows_only_workspace_models_and_warns()
    {
        var policy = Request(ModelPolicyKind.RestrictToRegistry).Build();

        Assert.Equal(new[] { WorkspaceModel }, Deployable(policy));
        Assert.Contains(policy.Warnings, w => w.Contains("every registry model is blocked", StringComparison.Ordinal));
    }

    [Fact]
    public void The_approved_asset_ids_allow_exactly_the_models_under_them()
    {
        var policy = (Request(ModelPolicyKind.ApprovedRegistryModels) with
        {
            AllowedAssetIds = new[] { "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/" },
        }).Build();

        Assert.Equal(new[] { Phi, WorkspaceModel }, Deployable(policy));
        Assert.Equal(ModelPolicyAuthoring.ApprovedRegistryModelsDefinitionId, policy.Assignment.PolicyDefinitionId);
    }

    [Fact]
    public void The_custom_allow_list_allows_exactly_its_models_and_carries_both_sources()
    {
        var policy = (Request(ModelPolicyKind.CustomAllowList) with { AllowedModels = new[] { Phi, WorkspaceModel } }).Build();

        Assert.Equal(new[] { Phi, WorkspaceModel }, Deployable(policy));
        Assert.Equal($"{Subscription}/providers/Microsoft.Authorization/policyDefinitions/allowed-models", policy.Definition!.Id);
        Assert.Equal(policy.Definition.Id, policy.Assignment.PolicyDefinitionId);
        Assert.Contains(ModelPolicyAuthoring.CustomDataModeWarning, policy.Warnings);
        Assert.Contains("https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics", ModelPolicyAuthoring.CustomDataModeWarning, StringComparison.Ordinal);
        Assert.Contains("https://techcommunity.microsoft.com/t5/ai-machine-learning-blog/control-model-catalog-deployments-with-azure-rbac-and-azure/ba-p/4147633", ModelPolicyAuthoring.CustomDataModeWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_do_not_enforce_assignment_allows_everything_but_is_reported()
    {
        var policy = (Request(ModelPolicyKind.RestrictToRegistry) with { AllowedRegistry = "azureml", EnforcementMode = EnforcementMode.DoNotEnforce }).Build();

        Assert.Equal(Samples, Deployable(policy));
    }

    [Theory]
    [InlineData("/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-datascience/providers/Microsoft.MachineLearningServices/workspaces/ws-prod", ErrorIds.ScopeInvalid)]
    [InlineData("not-a-scope", ErrorIds.ScopeInvalid)]
    public void A_guardrail_is_assigned_above_the_workspaces(string scope, string errorId)
    {
        var error = Assert.Throws<AmlRbacException>(() => (Request(ModelPolicyKind.RestrictToRegistry) with { Scope = scope }).Build());

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void The_parameters_file_is_written_whole()
    {
        var folder = Directory.CreateTempSubdirectory("amlrbac-policy-").FullName;
        try
        {
            var policy = (Request(ModelPolicyKind.RestrictToRegistry) with { AllowedRegistry = "azureml" }).Build();
            var path = Path.Combine(folder, "parameters.json");

            policy.WriteParametersFile(path);

            Assert.Equal(policy.Assignment.ParametersJson, File.ReadAllText(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(folder));
            var error = Assert.Throws<AmlRbacException>(() => policy.WriteParametersFile(Path.Combine(folder, "missing", "parameters.json")));
            Assert.Equal(ErrorIds.OutFileNotWritten, error.ErrorId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_definition_file_for_a_built_in_definition_is_ParameterCombinationInvalid_and_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("amlrbac-policy-").FullName;
        try
        {
            var policy = (Request(ModelPolicyKind.RestrictToRegistry) with { AllowedRegistry = "azureml" }).Build();
            var definition = Path.Combine(folder, "definition.json");

            var error = Assert.Throws<AmlRbacException>(() => policy.WriteFiles(Path.Combine(folder, "parameters.json"), definition));

            Assert.Equal((ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
            Assert.Contains($"'{definition}' goes with the custom allow-list only", error.Message);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Cli(ModelPolicyInput input) => input switch
    {
        ModelPolicyInput.AllowedRegistry => "--allowed-registry",
        ModelPolicyInput.RestrictedModel => "--restricted-model",
        ModelPolicyInput.AllowedModel => "--allowed-model",
        ModelPolicyInput.DefinitionScope => "--definition-scope",
        ModelPolicyInput.DefinitionOutFile => "--definition-out-file",
        _ => "--" + input,
    };

    [Theory]
    [InlineData(new[] { ModelPolicyInput.AllowedRegistry, ModelPolicyInput.RestrictedModel }, ModelPolicyKind.RestrictToRegistry)]
    [InlineData(new[] { ModelPolicyInput.AllowedAssetId }, ModelPolicyKind.ApprovedRegistryModels)]
    [InlineData(new[] { ModelPolicyInput.AllowedPublisher, ModelPolicyInput.AllowedAssetId }, ModelPolicyKind.ApprovedRegistryModels)]
    [InlineData(new[] { ModelPolicyInput.AllowedModel, ModelPolicyInput.DefinitionScope, ModelPolicyInput.DefinitionOutFile }, ModelPolicyKind.CustomAllowList)]
    public void The_inputs_given_say_the_kind(ModelPolicyInput[] given, ModelPolicyKind kind)
    {
        Assert.Equal(kind, ModelPolicyRequest.KindFor(given, Cli));
    }

    [Theory]
    [InlineData(new[] { ModelPolicyInput.AllowedRegistry, ModelPolicyInput.AllowedModel }, "Give one kind of guardrail: --allowed-registry (with --restricted-model), --AllowedPublisher / --AllowedAssetId, or --allowed-model.")]
    [InlineData(new[] { ModelPolicyInput.RestrictedModel }, "Give one kind of guardrail: --allowed-registry (with --restricted-model), --AllowedPublisher / --AllowedAssetId, or --allowed-model.")]
    [InlineData(new[] { ModelPolicyInput.AllowedModel, ModelPolicyInput.RestrictedModel }, "--restricted-model goes with --allowed-registry.")]
    [InlineData(new[] { ModelPolicyInput.AllowedAssetId, ModelPolicyInput.DefinitionScope }, "--definition-scope goes with --allowed-model.")]
    [InlineData(new[] { ModelPolicyInput.AllowedRegistry, ModelPolicyInput.DefinitionOutFile }, "--definition-out-file goes with --allowed-model: the other guardrails assign a built-in definition.")]
    public void Inputs_of_two_kinds_are_ParameterCombinationInvalid_in_the_hosts_words(ModelPolicyInput[] given, string message)
    {
        var error = Assert.Throws<AmlRbacException>(() => ModelPolicyRequest.KindFor(given, Cli));

        Assert.Equal((ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Equal(message, error.Message);
    }
}
