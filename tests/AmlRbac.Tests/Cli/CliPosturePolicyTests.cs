using System.Text.Json;
using Xunit;

namespace AmlRbac.Tests.Cli;

/// <summary>'amlrbac policy new --posture': the initiative and its assignment as JSON and text, the files, the exit codes.</summary>
public sealed class CliPosturePolicyTests : IDisposable
{
    private const string Subscription = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    private const string CustomerManagedKey = "AMLP001";
    private const string PrivateLink = "AMLP003";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-posture-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Json_has_the_initiative_and_its_assignment()
    {
        var result = CliRunner.InProcess("policy", "new", "--posture", "--rule", CustomerManagedKey, "--rule", PrivateLink, "--scope", Subscription, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var initiativeId = Subscription + "/providers/Microsoft.Authorization/policySetDefinitions/aml-posture";
        Assert.Equal(initiativeId, json.GetProperty("definitionId").GetString());
        Assert.Equal(initiativeId, json.GetProperty("policyDefinitionId").GetString());
        Assert.Equal(initiativeId, json.GetProperty("assignment").GetProperty("properties").GetProperty("policyDefinitionId").GetString());
        Assert.Equal(2, json.GetProperty("definition").GetProperty("properties").GetProperty("policyDefinitions").GetArrayLength());
        Assert.Equal("Deny", json.GetProperty("parameters").GetProperty("effect-AMLP001").GetProperty("value").GetString());
        Assert.Equal("Audit", json.GetProperty("parameters").GetProperty("effect-AMLP003").GetProperty("value").GetString());
        Assert.Contains(result.ErrorLines, l => l.StartsWith("warning: ", StringComparison.Ordinal) && l.Contains(PrivateLink));
    }

    [Fact]
    public void Text_gives_the_commands_that_create_and_assign_the_initiative()
    {
        var parameters = Path.Combine(_folder, "parameters.json");
        var initiative = Path.Combine(_folder, "initiative.json");

        var result = CliRunner.InProcess("policy", "new", "--posture", "--scope", Subscription, "--out-file", parameters, "--definition-out-file", initiative);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"az rest --method put --url \"https://management.azure.com{Subscription}/providers/Microsoft.Authorization/policySetDefinitions/aml-posture?api-version=2025-03-01\" --body @{initiative}", result.Out);
        Assert.Contains($"az policy assignment create --name aml-posture --scope \"{Subscription}\" --policy-set-definition \"{Subscription}/providers/Microsoft.Authorization/policySetDefinitions/aml-posture\" --params {parameters}", result.Out);
        Assert.Contains("New-AzPolicyAssignment -Name aml-posture", result.Out);
        Assert.Contains("-PolicySetDefinition (Get-AzPolicySetDefinition -Id", result.Out);
        Assert.Equal(9, JsonDocument.Parse(File.ReadAllText(initiative)).RootElement.GetProperty("properties").GetProperty("policyDefinitions").GetArrayLength());
        Assert.Equal(9, JsonDocument.Parse(File.ReadAllText(parameters)).RootElement.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("--posture", "--rule", "AMLP999")]
    [InlineData("--posture", "--rule", "AMLP016")]
    [InlineData("--posture", "--allowed-registry", "azureml")]
    [InlineData("--rule", CustomerManagedKey, "--allowed-registry", "azureml")]
    public void Bad_input_exits_with_2(params string[] options)
    {
        var result = CliRunner.InProcess(options.Concat(new[] { "--scope", Subscription }).Prepend("new").Prepend("policy").ToArray());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_model_guardrail_is_still_a_model_guardrail()
    {
        var result = CliRunner.InProcess("policy", "new", "--allowed-registry", "azureml", "--scope", Subscription, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90",
            JsonDocument.Parse(result.Out).RootElement.GetProperty("policyDefinitionId").GetString());
    }
}
