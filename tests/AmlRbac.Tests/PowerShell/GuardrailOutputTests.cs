using System.Collections;
using Xunit;

using AmlRbac.PowerShell.Output;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.PowerShell;

/// <summary>What Test-AmlPermission -Model and New-AmlModelPolicy write: the columns come from the layer that decided.</summary>
public sealed class GuardrailOutputTests
{
    private const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";

    [Fact]
    public void A_deployment_denied_by_policy_names_the_assignment_and_both_layers()
    {
        var answer = new PermissionQuestion(Contoso.Evaluator, null, new[] { "DeployModel" }, model: Falcon)
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace)).Single();

        var decision = AmlPermissionDecision.From(answer);

        Assert.Equal(("Denied", "Allowed", "Denied", "Policy"), (decision.Decision, decision.RbacDecision, decision.PolicyDecision, decision.DecidedBy));
        Assert.Equal(("Model deployments only from registry azureml", "/providers/Microsoft.Management/managementGroups/contoso-ml"), (decision.GrantedBy, decision.GrantScope));
        Assert.Equal(Falcon, decision.Model);
        Assert.Equal("PolicyDeny", Assert.Single(decision.PolicyReasons).Kind);
        Assert.StartsWith($"Deploying {Falcon}: RBAC Allowed, Azure Policy Denied", decision.Explanation[0]);
        Assert.Contains(decision.Explanation, s => s.StartsWith("RBAC: Granted by role 'AzureML Data Scientist'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_activity_without_a_model_has_no_policy_columns()
    {
        var decision = AmlPermissionDecision.From(new PermissionQuestion(Contoso.Evaluator, null, new[] { "DeployModel" })
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace)).Single());

        Assert.Equal(((string?)null, (string?)null, (string?)null), (decision.Model, decision.RbacDecision, decision.DecidedBy));
        Assert.Empty(decision.PolicyReasons);
    }

    [Fact]
    public void A_model_policy_has_what_new_azpolicyassignment_takes()
    {
        var policy = new ModelPolicyRequest
        {
            Kind = ModelPolicyKind.RestrictToRegistry,
            Scope = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0",
            AllowedRegistry = "azureml",
            RestrictedModels = new[] { Falcon },
            EnforcementMode = EnforcementMode.DoNotEnforce,
        }.Build();

        var output = AmlModelPolicy.From(policy);

        Assert.Equal(("restrict-model-registry", ModelPolicyAuthoring.RestrictToRegistryDefinitionId, "DoNotEnforce"), (output.Name, output.PolicyDefinitionId, output.EnforcementMode));
        // -PolicyParameterObject binds an Array parameter from an array.
        Assert.Equal(new object?[] { Falcon }, Assert.IsType<object?[]>(output.PolicyParameterObject["restrictedModels"]));
        Assert.Equal("azureml", output.PolicyParameterObject["AllowedRegistryName"]);
        Assert.Equal(policy.Assignment.ParametersJson, output.PolicyParameter);
        Assert.Null(output.DefinitionJson);
        Assert.NotEmpty(output.Warnings);
    }
}
