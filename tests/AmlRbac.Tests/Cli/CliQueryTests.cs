using System.Text.Json;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Sources;
using AmlRbac.Model;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Cli;

/// <summary>The commands answering from the sample tenant (and from a snapshot file), in table and JSON.</summary>
public sealed class CliQueryTests : IDisposable
{
    private const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
    private const string DevWorkspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Readme_role_command_explains_why_not_in_a_table()
    {
        var result = CliRunner.InProcess("test", "--role", "AzureML Data Scientist", "--action", ComputeWrite);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("NotGranted", result.Out);
        Assert.Contains("role      AzureML Data Scientist", result.Out);
        var text = Unwrapped(result.Out);
        Assert.Contains("Removed by NotActions 'Microsoft.MachineLearningServices/workspaces/computes/*/write' of role 'AzureML Data Scientist'.", text);
        Assert.Contains("Would be granted by: AzureML Compute Operator", text);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= CliRunner.Width, line));
    }

    [Fact]
    public void A_role_alone_needs_no_tenant_and_says_nothing_on_stderr()
    {
        var result = CliRunner.InProcess("test", "--role", "AzureML Data Scientist", "--action", ComputeWrite, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.ErrorLines);
    }

    [Fact]
    public void A_principal_question_without_a_tenant_is_TenantMissing_saying_how_to_give_one()
    {
        var result = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("amlrbac: No tenant to answer from: give --snapshot FILE, --live, or --sample for the built-in sample tenant Contoso.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_sample_answers_when_asked_for_and_conflicts_with_a_snapshot()
    {
        var sample = CliRunner.InProcess("test", "--sample", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace);
        var both = CliRunner.InProcess("test", "--sample", "--snapshot", "samples/contoso.snapshot.json", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace);

        Assert.Equal(0, sample.ExitCode);
        Assert.Empty(sample.ErrorLines);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("sample tenant Contoso and a snapshot", Assert.Single(both.ErrorLines));
    }

    [Fact]
    public void Role_question_in_json_names_the_role_and_no_principal()
    {
        var result = CliRunner.InProcess("test", "--role", "AzureML Data Scientist", "--action", ComputeWrite, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("NotGranted", root.GetProperty("decision").GetString());
        Assert.Equal("AzureML Data Scientist", root.GetProperty("roleName").GetString());
        Assert.False(root.TryGetProperty("principalId", out _));
        Assert.Equal("ExcludedByNotAction", root.GetProperty("reasons")[0].GetProperty("kind").GetString());
        Assert.Equal("AzureML Compute Operator", root.GetProperty("wouldBeGrantedBy")[0].GetProperty("roleName").GetString());
    }

    [Fact]
    public void Principal_question_names_the_group_that_grants()
    {
        var result = CliRunner.InProcess("test", "--sample", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Allowed", result.Out);
        Assert.Contains("Alice Chen", result.Out);
        Assert.Contains("Granted by role 'AzureML Compute Operator'", Unwrapped(result.Out));
        Assert.Contains("through group 'ml-data-scientists'", Unwrapped(result.Out));
    }

    [Fact]
    public void A_snapshot_file_answers_without_the_sample_note()
    {
        var path = Path.Combine(_folder, "contoso.json");
        File.WriteAllText(path, SampleTenant.Json);

        var result = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace, "--snapshot", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("Allowed", json.RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void Who_lists_the_principals_that_may_act_with_why()
    {
        var result = CliRunner.InProcess("who", "--sample", "--action", ComputeWrite, "--scope", DevWorkspace, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var holders = json.RootElement.EnumerateArray().ToList();
        var alice = Assert.Single(holders, h => h.GetProperty("principalName").GetString() == "Alice Chen");
        Assert.Equal("Allowed", alice.GetProperty("decision").GetString());
        Assert.Equal("User", alice.GetProperty("principalType").GetString());
        Assert.All(holders, h => Assert.Contains(h.GetProperty("decision").GetString(), new[] { "Allowed", "Conditional", "Eligible" }));
    }

    [Fact]
    public void Who_table_shows_each_principal()
    {
        var result = CliRunner.InProcess("who", "--sample", "--action", ComputeWrite, "--scope", DevWorkspace);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("principal Alice Chen (f654bbdb-76f3-4d0a-8bc9-337e384a70b8), User", result.Out);
    }

    [Fact]
    public void Access_lists_operations_filtered_by_decision()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "Alice Chen", "--scope", DevWorkspace, "--decision", "Allowed", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var answers = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal("Allowed", a.GetProperty("decision").GetString()));
        Assert.Contains(answers, a => a.GetProperty("action").GetString() == ComputeWrite);
    }

    [Fact]
    public void Access_by_activity_answers_once_per_catalog_activity()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "Alice Chen", "--scope", DevWorkspace, "--by", "activity", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var names = json.RootElement.EnumerateArray().Select(a => a.GetProperty("activity").GetString()).ToList();
        Assert.Equal(AmlCatalog.Default.Activities.Select(a => a.Name), names);
    }

    [Fact]
    public void Access_table_says_so_when_nothing_matches()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "Alice Chen", "--scope", DevWorkspace, "--decision", "Eligible");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No answer has the decisions asked for.", result.Out.Trim());
    }

    [Fact]
    public void Catalog_roles_in_json_lists_the_28_built_in_roles()
    {
        var result = CliRunner.InProcess("catalog", "roles", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(28, json.RootElement.GetArrayLength());
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("name").GetString() == "AzureML Data Scientist");
    }

    [Fact]
    public void Catalog_operations_and_activities_list_the_catalog()
    {
        var operations = CliRunner.InProcess("catalog", "operations", "--format", "json");
        var activities = CliRunner.InProcess("catalog", "activities", "--format", "json");

        using var operationsJson = JsonDocument.Parse(operations.Out);
        using var activitiesJson = JsonDocument.Parse(activities.Out);
        Assert.Equal(AmlCatalog.Default.Operations.Count, operationsJson.RootElement.GetArrayLength());
        Assert.Equal(AmlCatalog.Default.Activities.Count, activitiesJson.RootElement.GetArrayLength());
    }

    [Fact]
    public void Catalog_templates_lists_the_names_role_new_takes()
    {
        var result = CliRunner.InProcess("catalog", "templates", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var templates = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(AmlCatalog.Default.Templates.Select(t => t.Name), templates.Select(t => t.GetProperty("name").GetString()));
        var mlops = Assert.Single(templates, t => t.GetProperty("name").GetString() == "MLOps");
        Assert.Equal("ExampleRole", mlops.GetProperty("kind").GetString());
        Assert.Equal("MLOps Custom", mlops.GetProperty("role").GetProperty("name").GetString());
        Assert.NotEqual(0, mlops.GetProperty("corrections").GetArrayLength()); // the published MLOps JSON has a trailing comma
        Assert.Contains(templates, t => t.GetProperty("kind").GetString() == "Persona");
    }

    [Theory]
    [InlineData("templates", "PersonaDataScientist")]
    [InlineData("roles", "AzureML Data Scientist")]
    [InlineData("operations", ComputeWrite)]
    [InlineData("activities", "ACTIVITY")]
    public void Catalog_tables_fit_the_width(string listing, string expected)
    {
        var result = CliRunner.InProcess("catalog", listing);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Out);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= CliRunner.Width, line));
    }

    [Fact]
    public void Help_names_the_command_as_users_type_it()
    {
        var result = CliRunner.InProcess("test", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("amlrbac test [options]", result.Out);
    }

    // Table sentences wrap over lines; joined again they read as written.
    private static string Unwrapped(string text) =>
        string.Join(" ", text.Split('\n').Select(l => l.Trim())).Replace("/ ", "/");
}
