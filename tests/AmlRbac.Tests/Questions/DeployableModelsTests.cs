using Xunit;
using static AmlRbac.Tests.Questions.GuardrailTenant;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Tests.Output;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Questions;

/// <summary>Get-AmlEffectiveAccess -DeployableModel's engine: which models a principal could deploy into a workspace.</summary>
public sealed class DeployableModelsTests
{
    private static readonly AccessEvaluator Seed = Evaluator(SeedAssignment());

    private static IReadOnlyList<PermissionAnswer> List(AccessEvaluator evaluator, string principal = Scientist, IEnumerable<string>? models = null,
        IEnumerable<Outcome>? decisions = null) =>
        EffectiveAccessQuestion.DeployableModels(evaluator, models, decisions: decisions).AnswerFor(Subject.PrincipalAt(principal, Workspace.Value));

    [Fact]
    public void Lists_one_deployment_answer_per_model_asked()
    {
        var answers = List(Seed, models: new[] { Falcon, Phi, MetaLlama, WorkspaceModel });

        Assert.Equal(new[] { Falcon, Phi, MetaLlama, WorkspaceModel }, answers.Select(a => a.Deployment!.Model.AssetId));
        Assert.Equal(new[] { Outcome.Denied, Outcome.Allowed, Outcome.Denied, Outcome.Allowed }, answers.Select(a => a.Outcome));
        Assert.All(answers, a => Assert.Equal("DeployModel", a.Activity!.Activity.Name));
    }

    [Fact]
    public void Keeps_only_the_decisions_asked_for()
    {
        var allowed = List(Seed, models: new[] { Falcon, Phi, WorkspaceModel }, decisions: new[] { Outcome.Allowed });

        Assert.Equal(new[] { Phi, WorkspaceModel }, allowed.Select(a => a.Deployment!.Model.AssetId));
    }

    [Fact]
    public void Without_models_lists_the_catalog_samples_then_the_ids_the_assignments_name()
    {
        const string Pinned = "azureml://registries/azureml/models/mistral-7b/versions/2";
        var parameters = $$"""
            { "allowedRegistryName": { "value": "azureml" },
              "restrictedModels": { "value": [ "{{Falcon}}", "{{Pinned}}" ] },
              "effect": { "value": "Deny" } }
            """;
        var evaluator = Evaluator($"[{Assignment("restrict-registry", Subscription, ModelPolicyAuthoring.RestrictToRegistryDefinitionId, parameters)}]");

        var listed = List(evaluator).Select(a => a.Deployment!.Model.AssetId).ToList();

        Assert.Equal(CatalogModels.Samples.Select(m => m.Model.AssetId).Append(Pinned), listed);
        Assert.Contains(CatalogModels.For(evaluator.Tenant), m => m.Model.AssetId == Pinned && m.Source.Contains("restrict-registry", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_catalog_sample_says_where_it_comes_from()
    {
        Assert.All(CatalogModels.Samples, m => Assert.False(string.IsNullOrWhiteSpace(m.Source)));
        Assert.Contains(CatalogModels.Samples, m => m.Model.Name == "tiiuae-falcon-7b" && m.Model.RegistryName == "azureml");
    }

    [Fact]
    public void In_the_sample_tenant_alice_could_deploy_the_other_azureml_models_into_production_but_not_falcon()
    {
        var evaluator = new AccessEvaluator(SampleTenant.Load());
        var prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";

        var allowed = EffectiveAccessQuestion.DeployableModels(evaluator, decisions: new[] { Outcome.Allowed })
            .AnswerFor(Subject.PrincipalAt("alice@contoso.com", prod))
            .Select(a => a.Deployment!.Model.Name);

        Assert.Equal(new[] { "Phi-3-mini-4k-instruct", "credit-default" }, allowed);
    }

    [Fact]
    public void Needs_a_principal()
    {
        Assert.Throws<ArgumentException>(() => EffectiveAccessQuestion.DeployableModels(Seed).AnswerFor(Subject.At(Workspace.Value)));
    }
}
