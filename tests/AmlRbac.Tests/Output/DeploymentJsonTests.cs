using System.Text.Json;
using Xunit;

using AmlRbac.Tests.PowerShell;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Tests.Output;

/// <summary>A model deployment answer as JSON: the activity contract extended with the policy layer, nothing renamed.</summary>
public sealed class DeploymentJsonTests
{
    private const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";

    private static JsonElement Json(string? model) =>
        JsonDocument.Parse(DecisionJson.Serialize(new PermissionQuestion(Contoso.Evaluator, null, new[] { "DeployModel" }, model: model)
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace)).Single())).RootElement;

    [Fact]
    public void A_deployment_is_an_activity_with_the_model_both_layers_and_the_policy_reasons()
    {
        var json = Json(Falcon);

        Assert.Equal(
            new[] { "activity", "displayName", "decision", "principalId", "principalName", "scope", "model", "rbacDecision", "policyDecision", "decidedBy", "reasons", "operations", "wouldBeGrantedBy" },
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Denied", json.GetProperty("decision").GetString());
        var reason = json.GetProperty("reasons")[0];
        Assert.Equal(
            new[] { "kind", "scope", "layer", "policyAssignmentId", "policyAssignmentName", "policyDefinitionId", "effect", "ruleClause", "ruleDetail", "explanation", "exemptionId", "exemptionName", "notes" },
            reason.EnumerateObject().Select(p => p.Name));
        Assert.Equal("falcon-pilot", reason.GetProperty("exemptionName").GetString());
    }

    [Fact]
    public void Without_a_model_the_activity_is_written_as_before()
    {
        Assert.Equal(
            new[] { "activity", "displayName", "decision", "principalId", "principalName", "scope", "operations", "wouldBeGrantedBy" },
            Json(null).EnumerateObject().Select(p => p.Name));
    }
}
