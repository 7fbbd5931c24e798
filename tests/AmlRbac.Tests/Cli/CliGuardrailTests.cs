using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Tests.Questions;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// The model deployment guardrails through the CLI: 'amlrbac test --activity DeployModel --model', 'amlrbac access
/// --by model' and 'amlrbac policy new', on the blog's example [SEED2] and on the sample tenant.
/// </summary>
public sealed class CliGuardrailTests : IDisposable
{
    private const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-guardrail-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The blog's assignment [SEED2] at the subscription, the sandbox resource group left out, as a snapshot file.
    private string SeedSnapshot(string extra = "")
    {
        var path = Path.Combine(_folder, "seed.snapshot.json");
        File.WriteAllText(path, SnapshotWriter.ToJson(GuardrailTenant.With(GuardrailTenant.SeedAssignment($",\n\"notScopes\": [ \"{SandboxGroup}\" ]{extra}"))));
        return path;
    }

    private static CliResult Test(string snapshot, string model, string? workspace = null, params string[] more) =>
        CliRunner.InProcess(new[] { "test", "--principal", "sam@contoso.com", "--activity", "DeployModel", "--model", model,
            "--scope", workspace ?? Workspace.Value, "--snapshot", snapshot, "--format", "json" }.Concat(more).ToArray());

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement;

    [Fact]
    public void Falcon_is_denied_by_the_policy_layer_with_exit_code_1()
    {
        var result = Test(SeedSnapshot(), Falcon);

        Assert.Equal(1, result.ExitCode);
        var json = Json(result);
        Assert.Equal(("Denied", "Allowed", "Denied", "Policy"), (json.GetProperty("decision").GetString(), json.GetProperty("rbacDecision").GetString(),
            json.GetProperty("policyDecision").GetString(), json.GetProperty("decidedBy").GetString()));
        Assert.Equal(Falcon, json.GetProperty("model").GetString());
        var reason = Assert.Single(json.GetProperty("reasons").EnumerateArray());
        Assert.Equal(("PolicyDeny", "Policy"), (reason.GetProperty("kind").GetString(), reason.GetProperty("layer").GetString()));
        Assert.Equal(AssignmentId(Subscription, "restrict-registry"), reason.GetProperty("policyAssignmentId").GetString());
        Assert.Equal("if.allOf[1].anyOf[0]", reason.GetProperty("ruleClause").GetString());
        // The RBAC reasons stay as they were: no layer property.
        var grant = json.GetProperty("operations")[0].GetProperty("reasons")[0];
        Assert.False(grant.TryGetProperty("layer", out _));
    }

    [Theory]
    [InlineData(Phi, null, 0, "Allowed")]
    [InlineData(MetaLlama, null, 1, "Denied")]
    [InlineData(Falcon, "sandbox", 0, "Allowed")]
    public void The_seed_example_through_the_cli(string model, string? where, int exitCode, string decision)
    {
        var result = Test(SeedSnapshot(), model, where is null ? null : SandboxWorkspace.Value);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(decision, Json(result).GetProperty("decision").GetString());
    }

    [Fact]
    public void A_do_not_enforce_assignment_is_reported_but_does_not_deny()
    {
        var result = Test(SeedSnapshot(",\n\"enforcementMode\": \"DoNotEnforce\""), Falcon);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("PolicyDoNotEnforce", Json(result).GetProperty("reasons")[0].GetProperty("kind").GetString());
    }

    // A custom v2.Data definition whose second clause uses an operator Azure Policy does not have.
    private string FancySnapshot(string operand = "\"x\"")
    {
        var definitionId = $"{Subscription}/providers/Microsoft.Authorization/policyDefinitions/fancy";
        var snapshot = JsonNode.Parse(SnapshotWriter.ToJson(GuardrailTenant.With($"[{Assignment("fancy-models", Subscription, definitionId, "{}")}]")))!.AsObject();
        snapshot["policyDefinitions"] = JsonNode.Parse($$"""
            [ { "id": "{{definitionId}}", "name": "fancy", "properties": { "mode": "Microsoft.MachineLearningServices.v2.Data",
                "policyRule": { "if": { "allOf": [
                  { "field": "type", "equals": "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments" },
                  { "field": "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId", "fancyOp": {{operand}} } ] },
                "then": { "effect": "deny" } } } } ]
            """);
        var path = Path.Combine(_folder, "fancy.snapshot.json");
        File.WriteAllText(path, snapshot.ToJsonString());
        return path;
    }

    [Fact]
    public void An_unsupported_operator_is_said_once_with_the_clause_and_its_expression()
    {
        var snapshot = FancySnapshot();
        var text = CliRunner.InProcess("test", "--principal", "sam@contoso.com", "--activity", "DeployModel", "--model", Phi,
            "--scope", Workspace.Value, "--snapshot", snapshot);
        var json = Json(Test(snapshot, Phi));

        var reason = json.GetProperty("reasons")[0];
        Assert.Equal(("PolicyUnknown", "if.allOf[1]"), (reason.GetProperty("kind").GetString(), reason.GetProperty("ruleClause").GetString()));
        const string Expected = "Its rule's clause if.allOf[1], {\"field\":\"Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId\",\"fancyOp\":\"x\"}, "
            + "cannot be evaluated on this deployment: the operator 'fancyOp' is not supported by AmlRbac.";
        Assert.Equal(Expected, reason.GetProperty("explanation").GetString());
        // The text wraps anywhere, inside the clause's JSON too: compared without white space.
        static string Squeezed(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", "");
        Assert.Contains(Squeezed($"- Policy: Undecided by assignment 'fancy-models' at {Subscription}: {Expected}"), Squeezed(text.Out));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(Squeezed(text.Out), "notsupportedbyAmlRbac"));
        Assert.DoesNotContain("..", text.Out);
    }

    [Fact]
    public void A_long_unsupported_clause_is_shown_shortened()
    {
        var operand = "[" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"azureml://registries/azureml/models/model-{i}/versions/1\"")) + "]";

        var reason = Json(Test(FancySnapshot(operand), Phi)).GetProperty("reasons")[0];

        var explanation = reason.GetProperty("explanation").GetString()!;
        Assert.StartsWith("Its rule's clause if.allOf[1], {\"field\":\"Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId\",\"fancyOp\":[\"azureml://registries/azureml/models/model-0/versions/1\"", explanation);
        Assert.Matches(@"\.\.\. \(\d+ more characters\), cannot be evaluated on this deployment: the operator 'fancyOp' is not supported by AmlRbac\.$", explanation);
        Assert.DoesNotContain("model-39", explanation);
    }

    [Fact]
    public void The_readme_example_in_the_sample_tenant_and_its_exemption_option()
    {
        string[] Args(params string[] more) => new[] { "test", "--sample", "--principal", "alice@contoso.com", "--activity", "DeployModel",
            "--model", Falcon, "--scope", Prod }.Concat(more).ToArray();

        var documented = CliRunner.InProcess(Args());
        var honoured = CliRunner.InProcess(Args("--exemption-handling", "honour"));

        Assert.Equal(1, documented.ExitCode);
        Assert.StartsWith("Denied", documented.Out);
        Assert.Contains($"model     {Falcon}", documented.Out);
        var text = string.Join(" ", documented.Out.Split('\n').Select(l => l.Trim()));
        Assert.Contains("RBAC Allowed, Azure Policy Denied; Azure Policy decides.", text);
        Assert.Contains("Policy: Denied by assignment 'Model deployments only from registry azureml'", text);
        Assert.Contains("Exemption 'falcon-pilot' is set aside", text);
        Assert.Equal(0, honoured.ExitCode);
        Assert.StartsWith("Allowed", honoured.Out);
    }

    [Fact]
    public void Access_by_model_lists_what_alice_could_deploy()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "alice@contoso.com", "--scope", Prod, "--by", "model",
            "--model", Falcon, "--model", Phi, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var answers = Json(result).EnumerateArray().Select(a => (a.GetProperty("model").GetString(), a.GetProperty("decision").GetString()));
        Assert.Equal(new[] { (Falcon, "Denied"), (Phi, "Allowed") }, answers.Select(a => (a.Item1!, a.Item2!)));
    }

    [Theory]
    [InlineData("--model", "tiiuae-falcon-7b", "ModelAssetIdInvalid")]
    [InlineData("--activity", "SubmitRunV2", "deploys a model")]
    public void Bad_model_questions_are_bad_input(string option, string value, string expected)
    {
        var args = new List<string> { "test", "--sample", "--principal", "alice@contoso.com", "--activity", "DeployModel", "--model", Falcon, "--scope", Prod };
        args[args.IndexOf(option) + 1] = value;

        var result = CliRunner.InProcess(args.ToArray());

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amlrbac: ", line);
        Assert.Contains(expected == "ModelAssetIdInvalid" ? "is not valid" : expected, line);
    }

    [Fact]
    public void A_model_without_an_activity_is_a_parse_error()
    {
        var result = CliRunner.InProcess("test", "--sample", "--principal", "alice@contoso.com", "--action", "Microsoft.MachineLearningServices/workspaces/read", "--model", Falcon, "--scope", Prod);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model goes with --activity", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Policy_new_emits_the_seed_assignment_as_json_and_the_parameters_file()
    {
        var file = Path.Combine(_folder, "parameters.json");

        var result = CliRunner.InProcess("policy", "new", "--allowed-registry", "azureml", "--restricted-model", Falcon,
            "--scope", Subscription.Value, "--not-scope", SandboxGroup.Value, "--out-file", file, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = Json(result);
        Assert.Equal($"{Subscription}/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry", json.GetProperty("id").GetString());
        Assert.Equal("azureml", json.GetProperty("parameters").GetProperty("allowedRegistryName").GetProperty("value").GetString());
        Assert.Equal(SandboxGroup.Value, json.GetProperty("assignment").GetProperty("properties").GetProperty("notScopes")[0].GetString());
        Assert.False(json.TryGetProperty("definition", out _));
        using var written = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(Falcon, written.RootElement.GetProperty("restrictedModels").GetProperty("value")[0].GetString());
        Assert.Contains(result.ErrorLines, l => l.StartsWith("warning: The assignment takes about 15 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Policy_new_offers_the_custom_allow_list_with_its_warning_and_the_create_commands()
    {
        var result = CliRunner.InProcess("policy", "new", "--allowed-model", Phi, "--scope", Subscription.Value);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Custom definition (create it first)", result.Out);
        Assert.Contains($"az rest --method put --url \"https://management.azure.com{Subscription}/providers/Microsoft.Authorization/policyDefinitions/allowed-models?api-version=", result.Out);
        Assert.Contains("az policy assignment create --name allowed-models", result.Out);
        Assert.Contains("New-AzPolicyAssignment -Name allowed-models", result.Out);
        Assert.Contains(result.ErrorLines, l => l.Contains("Resource Provider modes only support built-in policy definitions", StringComparison.Ordinal));
    }

    [Fact]
    public void Policy_new_writes_the_custom_definition_the_create_step_reads()
    {
        var parameters = Path.Combine(_folder, "p.json");
        var definition = Path.Combine(_folder, "allow-list.def.json");

        var result = CliRunner.InProcess("policy", "new", "--allowed-model", Phi, "--scope", Subscription.Value,
            "--out-file", parameters, "--definition-out-file", definition);

        Assert.Equal(0, result.ExitCode);
        using var written = JsonDocument.Parse(File.ReadAllText(definition));
        var properties = written.RootElement.GetProperty("properties");
        Assert.Equal("Microsoft.MachineLearningServices.v2.Data", properties.GetProperty("mode").GetString());
        Assert.True(properties.GetProperty("parameters").TryGetProperty("allowedModels", out _));
        Assert.Equal("[parameters('allowedModels')]", properties.GetProperty("policyRule").GetProperty("if").GetProperty("allOf")[1].GetProperty("notIn").GetString());
        using var values = JsonDocument.Parse(File.ReadAllText(parameters));
        Assert.Equal(Phi, values.RootElement.GetProperty("allowedModels").GetProperty("value")[0].GetString());
        Assert.Contains($"--body @{definition}", result.Out);
        Assert.Contains($"--params {parameters}", result.Out);
        Assert.DoesNotContain("definition.json", result.Out);
        Assert.Contains("Create with\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Policy_new_says_which_files_it_did_not_write()
    {
        var parameters = Path.Combine(_folder, "p.json");

        var result = CliRunner.InProcess("policy", "new", "--allowed-model", Phi, "--scope", Subscription.Value, "--out-file", parameters);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Create with (first save the custom definition as definition.json: no file was written)", result.Out);
        Assert.Contains("--body @definition.json", result.Out);
        Assert.Contains($"--params {parameters}", result.Out);
    }

    [Fact]
    public void Policy_new_writes_both_files_or_neither()
    {
        var parameters = Path.Combine(_folder, "p.json");
        var definition = Path.Combine(_folder, "missing", "definition.json");

        var result = CliRunner.InProcess("policy", "new", "--allowed-model", Phi, "--scope", Subscription.Value,
            "--out-file", parameters, "--definition-out-file", definition);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"The definition file '{definition}' cannot be written", Assert.Single(result.ErrorLines, l => !l.StartsWith("warning: ", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Policy_new_refuses_a_definition_file_for_a_built_in()
    {
        var result = CliRunner.InProcess("policy", "new", "--allowed-registry", "azureml", "--scope", Subscription.Value,
            "--definition-out-file", Path.Combine(_folder, "definition.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--definition-out-file goes with --allowed-model", Assert.Single(result.ErrorLines));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--allowed-registry", "azureml", "--allowed-model", Phi, "Give one kind of guardrail")]
    [InlineData("--allowed-registry", "azure*", "--effect", "Deny", "cannot hold '*'")]
    [InlineData("--allowed-registry", "azureml", "--effect", "Audit", "is not one of")]
    public void Policy_new_refuses_what_azure_would_refuse(string option1, string value1, string option2, string value2, string expected)
    {
        var result = CliRunner.InProcess("policy", "new", option1, value1, option2, value2, "--scope", Subscription.Value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_exit_codes_are_what_the_shell_sees()
    {
        var runs = CliRunner.InProcesses(new[]
        {
            new[] { "test", "--sample", "--principal", "alice@contoso.com", "--activity", "DeployModel", "--model", Falcon, "--scope", Prod },
            new[] { "test", "--sample", "--principal", "alice@contoso.com", "--activity", "DeployModel", "--model", Phi, "--scope", Prod },
        });

        Assert.Equal(new[] { 1, 0 }, runs.Select(r => r.ExitCode));
    }
}
