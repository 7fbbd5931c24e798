using System.Text.Json;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>
/// A deployment that names a registry model by label: only the beginning of its asset id is known, so a condition is
/// decided when every completion agrees and is Unknown otherwise.
/// </summary>
public sealed class KnownPrefixTests
{
    private const string FalconLatest = "azureml://registries/azureml/models/tiiuae-falcon-7b/labels/latest";
    private const string PhiLatest = "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/labels/latest";
    private const string LlamaLatest = "azureml://registries/azureml-meta/models/Llama-2-7b/labels/latest";

    private static readonly KnownPrefix Falcon = new("azureml://registries/azureml/models/tiiuae-falcon-7b/", FalconLatest);

    [Theory]
    [InlineData("equals", "\"azureml://registries/azureml/models/other/versions/1\"", false)]
    [InlineData("notEquals", "\"azureml://registries/azureml/models/other/versions/1\"", true)]
    [InlineData("in", "[\"azureml://registries/azureml/models/other/versions/1\"]", false)]
    [InlineData("notIn", "[]", true)]
    [InlineData("like", "\"azureml://registries/*\"", true)]
    [InlineData("like", "\"AZUREML://registries/azureml/*\"", true)]
    [InlineData("like", "\"azureml://registries/azureml-meta/*\"", false)]
    [InlineData("notLike", "\"azureml://registries//*\"", true)]
    [InlineData("like", "\"azureml://registries/azureml/models/other/versions/4\"", false)]
    [InlineData("contains", "\"FALCON\"", true)]
    [InlineData("notContains", "\"registries/azureml/\"", false)]
    public void Decides_when_every_completion_agrees(string op, string right, bool expected)
    {
        Assert.Equal(expected, ConditionOperators.Apply(op, Falcon, Json(right)));
    }

    [Theory]
    [InlineData("equals", "\"azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4\"", "it may or may not be")]
    [InlineData("in", "[\"x\", \"azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4\"]", "it may or may not be")]
    [InlineData("like", "\"azureml://registries/azureml/models/tiiuae-falcon-7b/versions/*\"", "depends on the rest of the id")]
    [InlineData("like", "\"*/versions/4\"", "depends on the rest of the id")]
    [InlineData("contains", "\"versions/4\"", "depends on the rest of the id")]
    [InlineData("match", "\"azureml\"", "'match' needs the whole id")]
    public void Is_unknown_when_the_rest_of_the_id_matters(string op, string right, string reason)
    {
        var error = Assert.Throws<CannotEvaluateException>(() =>
            ConditionOperators.Apply(op, Falcon, Json(right)));

        Assert.StartsWith($"the asset id {FalconLatest} names a label, so only its beginning \"azureml://registries/azureml/models/tiiuae-falcon-7b/\" is known", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Patterns_azure_rejects_are_still_rejected()
    {
        Assert.Contains("more than one '*'", Assert.Throws<CannotEvaluateException>(() => ConditionOperators.Apply("like", Falcon, "a*b*")).Message);
        Assert.Contains("holds '*'", Assert.Throws<CannotEvaluateException>(() => ConditionOperators.Apply("contains", Falcon, "a*")).Message);
    }

    private static PolicyState Seed() =>
        State($"[{Assignment("restrict-registry", Subscription, ModelPolicyAuthoring.RestrictToRegistryDefinitionId, SeedParameters())}]");

    [Fact]
    public void The_seed_assignment_decides_labels_where_the_registry_or_name_decides()
    {
        var llama = Assert.Single(Deploy(Seed(), LlamaLatest).Verdicts);
        var phi = Assert.Single(Deploy(Seed(), PhiLatest).Verdicts);

        Assert.Equal(Verdict.Deny, llama.Verdict);
        Assert.Equal(Verdict.Compliant, phi.Verdict);
        Assert.Equal("not (model.assetId is \"azureml://registries/azureml/models/Phi-3-mini-4k-instruct/…\"; like \"azureml://registries/azureml/*\" is true)", phi.Clause!.Detail);
        Assert.Contains(phi.Notes, n => n.StartsWith("model.assetId names label 'latest'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_restricted_model_by_label_is_unknown_because_the_version_decides()
    {
        var report = Deploy(Seed(), FalconLatest);

        Assert.Equal(DeploymentOutcome.Unknown, report.Outcome);
        var verdict = Assert.Single(report.Verdicts);
        Assert.Equal(Verdict.Unknown, verdict.Verdict);
        Assert.Equal("if.allOf[1].anyOf[0]", verdict.Clause!.Path);
        Assert.Contains($"it may or may not be \"{PolicyFixtures.Falcon}\"", verdict.Clause.Detail);
    }

    [Fact]
    public void Functions_do_not_receive_a_partly_known_id()
    {
        var request = new ModelDeploymentRequest(Workspace, ModelAsset.Parse(FalconLatest));
        var context = new RuleContext(request, new ParameterValues(new Dictionary<string, PolicyParameterDefinition>(), new Dictionary<string, object?>()));

        var error = Assert.Throws<CannotEvaluateException>(() =>
            TemplateExpression.Resolve("[field('Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId')]", context));

        Assert.StartsWith("field('Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId') is only known to start with", error.Message);
    }

    private static object? Json(string text) => JsonValues.From(JsonDocument.Parse(text).RootElement);
}
