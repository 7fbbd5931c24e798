using System.Text.Json;
using Xunit;

using AmlRbac.Tests.Authoring;

namespace AmlRbac.Tests.Cli;

/// <summary>amlrbac role new|lint|compare: output, files and exit codes (0 passed, 1 check failed, 2 bad input).</summary>
public sealed class CliRoleTests : IDisposable
{
    private const string Subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-role-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Lint_of_the_published_MLOps_example_reports_the_trailing_comma_with_line_and_column_and_exits_1()
    {
        var path = File("mlops_custom_role.json", PublishedExamples.Json("mlops_custom_role.json"));

        var result = CliRunner.InProcess("role", "lint", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error AMLR000 JsonSyntax line 26, column 5", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Lint_in_json_gives_each_finding_with_id_severity_and_entry()
    {
        var path = File("typo.json", $$"""{ "Name": "Typo", "Actions": [ "Microsoft.MachineLearningServices/workspaces/computes/raed" ], "AssignableScopes": [ "{{Subscription}}" ] }""");

        var result = CliRunner.InProcess("role", "lint", path, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal(("AMLR001", "UnknownAction", "Error"), (finding.GetProperty("id").GetString(), finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/raed", finding.GetProperty("entry").GetString());
    }

    [Fact]
    public void Lint_of_a_role_with_warnings_only_exits_0()
    {
        var path = File("warn.json", $$"""{ "Name": "Keys", "Actions": [ "Microsoft.MachineLearningServices/workspaces/computes/*" ], "AssignableScopes": [ "{{Subscription}}" ] }""");

        var result = CliRunner.InProcess("role", "lint", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning AMLR009 SecretAccess", result.Out);
    }

    [Fact]
    public void Lint_findings_are_wrapped_to_the_terminal_width()
    {
        var path = File("wide.json", $$"""{ "Name": "Wide", "Actions": [ "*" ], "NotActions": [ "Microsoft.MachineLearningServices/workspaces/computes/raed" ], "AssignableScopes": [ "/" ] }""");

        var result = CliRunner.InProcess("role", "lint", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error AMLR012 RootScope", result.Out);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= CliRunner.Width, line));
    }

    [Fact]
    public void Lint_of_a_missing_file_is_bad_input_on_one_line()
    {
        var result = CliRunner.InProcess("role", "lint", Path.Combine(_folder, "missing.json"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("missing.json", line);
    }

    [Theory]
    [InlineData("Permissions")]
    [InlineData("Flat")]
    public void New_writes_the_file_of_the_shape_asked_and_lint_reads_it_back(string shape)
    {
        var outFile = Path.Combine(_folder, "role.json");

        var result = CliRunner.InProcess("role", "new", "--name", "Compute Starter",
            "--action", "Microsoft.MachineLearningServices/workspaces/computes/read,Microsoft.MachineLearningServices/workspaces/computes/start/action",
            "--assignable-scope", Subscription, "--shape", shape, "--out-file", outFile, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(shape, json.RootElement.GetProperty("shape").GetString());
        var written = System.IO.File.ReadAllText(outFile);
        var cli = AzReaders.AzureCli(written);
        Assert.Equal(2, Assert.Single(cli.Permissions).Actions.Count);
        Assert.Equal(shape == "Flat", AzReaders.Az10(written).Permissions is null);
        Assert.Equal(0, CliRunner.InProcess("role", "lint", outFile).ExitCode);
    }

    [Fact]
    public void New_with_a_reference_exits_1_when_the_role_grants_more()
    {
        var narrower = CliRunner.InProcess("role", "new", "--name", "Jobs", "--activity", "SubmitRun", "--api-version", "Both",
            "--assignable-scope", Subscription, "--reference-role", "AzureML Data Scientist");
        var wider = CliRunner.InProcess("role", "new", "--name", "Compute", "--action", "Microsoft.MachineLearningServices/workspaces/computes/write",
            "--assignable-scope", Subscription, "--reference-role", "AzureML Data Scientist");

        Assert.Equal(0, narrower.ExitCode);
        Assert.Equal(1, wider.ExitCode);
        Assert.Contains("Only 'Compute' grants (1):", wider.Out);
    }

    [Fact]
    public void New_compact_reports_the_proof()
    {
        var result = CliRunner.InProcess("role", "new", "--template", "PersonaOfficeDataScientist", "--assignable-scope", Subscription, "--compact", "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var compaction = json.RootElement.GetProperty("compaction");
        Assert.True(compaction.GetProperty("proven").GetBoolean());
        Assert.NotEqual(0, compaction.GetProperty("replacements").GetArrayLength());
    }

    [Fact]
    public void New_from_a_file_keeps_its_scopes_and_adds_NotActions()
    {
        var path = File("existing.json", $$"""{ "Name": "Existing", "Id": "2f0c6f43-0d6a-4d9e-8b0d-3b1b4d0d7e11", "Actions": [ "Microsoft.MachineLearningServices/workspaces/computes/*" ], "AssignableScopes": [ "{{Subscription}}" ] }""");

        var result = CliRunner.InProcess("role", "new", "--from", path, "--not-action", "Microsoft.MachineLearningServices/workspaces/computes/listKeys/action", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var role = json.RootElement.GetProperty("role");
        Assert.Equal("2f0c6f43-0d6a-4d9e-8b0d-3b1b4d0d7e11", role.GetProperty("Id").GetString());
        Assert.Equal(Subscription, role.GetProperty("AssignableScopes")[0].GetString());
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/listKeys/action", role.GetProperty("Permissions")[0].GetProperty("notActions")[0].GetString());
    }

    [Fact]
    public void New_without_scopes_is_bad_input()
    {
        var result = CliRunner.InProcess("role", "new", "--name", "X", "--action", "*/read");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--assignable-scope", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Compare_exits_0_when_the_role_grants_nothing_more_than_the_reference()
    {
        var same = CliRunner.InProcess("role", "compare", "AzureML Compute Operator", "--reference-role", "Contributor");
        var more = CliRunner.InProcess("role", "compare", "Contributor", "--reference-role", "AzureML Compute Operator", "--format", "json");

        Assert.Equal(0, same.ExitCode);
        Assert.Equal(1, more.ExitCode);
        using var json = JsonDocument.Parse(more.Out);
        Assert.False(json.RootElement.GetProperty("grantsNoMore").GetBoolean());
        Assert.NotEqual(0, json.RootElement.GetProperty("onlyInRole").GetArrayLength());
    }

    [Fact]
    public void Compare_with_an_unknown_role_is_bad_input_with_did_you_mean()
    {
        var result = CliRunner.InProcess("role", "compare", "AzureML Data Scientst", "--reference-role", "Contributor");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AzureML Data Scientist", Assert.Single(result.ErrorLines));
    }
}
