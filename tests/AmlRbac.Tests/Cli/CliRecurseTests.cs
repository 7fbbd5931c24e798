using System.Text.Json;
using Xunit;

using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;
using AmlRbac.Tests.Questions;

namespace AmlRbac.Tests.Cli;

/// <summary>amlrbac access --recurse, who --recurse and estate: tables within the width, the JSON contract of docs/REACH.md, exit codes.</summary>
public sealed class CliRecurseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-recurse-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string EstateSnapshot()
    {
        var path = Path.Combine(_folder, "estate.snapshot.json");
        SnapshotWriter.Write(EstateTenant.Tenant, path);
        return path;
    }

    [Fact]
    public void Access_recurse_is_a_table_across_resources_within_the_width()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "alice@contoso.com", "--scope", EstateTenant.MlManagementGroup, "--recurse", "--by", "activity");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Resource", result.Out);
        Assert.Contains("workspace mlw-dev", result.Out);
        Assert.Contains("workspace mlw-prod", result.Out);
        Assert.Contains("CreateComputeCluster", result.Out);
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= CliRunner.Width, line));
    }

    [Fact]
    public void Access_recurse_json_names_each_answers_resource()
    {
        var result = CliRunner.InProcess("access", "--snapshot", EstateSnapshot(), "--principal", EstateTenant.Erin, "--scope", EstateTenant.DevRg, "--recurse", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var answers = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(answers);
        var kinds = answers.Select(a => a.GetProperty("resource").GetProperty("kind").GetString()).Distinct().Order().ToList();
        Assert.Equal(new[] { "Compute", "Workspace" }, kinds);
        var compute = answers.First(a => a.GetProperty("resource").GetProperty("kind").GetString() == "Compute");
        Assert.Equal(EstateTenant.ErinCompute, compute.GetProperty("resource").GetProperty("id").GetString());
        Assert.Equal("ci-erin", compute.GetProperty("resource").GetProperty("name").GetString());
        Assert.All(answers, a => Assert.Contains(a.GetProperty("decision").GetString(), new[] { "Allowed", "Conditional", "Eligible" }));
    }

    [Fact]
    public void Recurse_with_by_model_is_a_usage_error()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "alice@contoso.com", "--scope", Contoso.DevWorkspace, "--recurse", "--by", "model");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--recurse goes with --by operation or --by activity.", result.Error);
    }

    [Fact]
    public void Who_recurse_lists_holders_per_workspace()
    {
        var result = CliRunner.InProcess("who", "--sample", "--action", Contoso.ComputeWrite, "--scope", EstateTenant.MlManagementGroup, "--recurse", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var answers = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        Assert.Contains(answers, a => a.GetProperty("principalName").GetString() == "Frank Nguyen" && a.GetProperty("resource").GetProperty("name").GetString() == "mlw-prod"
            && a.GetProperty("decision").GetString() == "Eligible");
        Assert.DoesNotContain(answers, a => a.GetProperty("resource").GetProperty("kind").GetString() == "Registry");
    }

    [Fact]
    public void Estate_text_shows_privileged_holders_and_findings_within_the_width()
    {
        var result = CliRunner.InProcess("estate", "--snapshot", EstateSnapshot(), "--scope", EstateTenant.MlManagementGroup);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Privileged operations", result.Out);
        Assert.Contains("Assignments to clean up", result.Out);
        foreach (var kind in new[] { "Orphaned", "GrantsNothingInAzureMl", "Duplicate", "CoveredByAncestor" })
        {
            Assert.Contains(kind, result.Out);
        }
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= CliRunner.Width, line));
    }

    [Fact]
    public void Estate_json_follows_the_contract()
    {
        var result = CliRunner.InProcess("estate", "--snapshot", EstateSnapshot(), "--scope", EstateTenant.MlManagementGroup, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var estate = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(EstateTenant.MlManagementGroup, estate.GetProperty("scope").GetString());
        Assert.True(estate.GetProperty("directoryListed").GetBoolean());
        Assert.Equal(4, estate.GetProperty("resources").GetArrayLength());
        var privileged = estate.GetProperty("privileged").EnumerateArray().ToList();
        Assert.Contains(privileged, p => p.GetProperty("operation").GetString() == "Microsoft.Authorization/roleAssignments/write"
            && p.GetProperty("privilegeKind").GetString() == "RoleAssignment"
            && p.GetProperty("decision").GetProperty("principalName").GetString() == "Dave Kim"
            && p.GetProperty("decision").GetProperty("decision").GetString() == "Conditional");
        var orphan = estate.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "Orphaned");
        Assert.Equal(EstateTenant.Deleted, orphan.GetProperty("principalId").GetString());
        Assert.Equal("Reader", orphan.GetProperty("roleName").GetString());
        var covered = estate.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "CoveredByAncestor");
        Assert.Equal(EstateTenant.ProdSubscription, covered.GetProperty("otherScope").GetString());
    }

    [Fact]
    public void Estate_of_a_malformed_scope_is_exit_2()
    {
        var result = CliRunner.InProcess("estate", "--sample", "--scope", "subscriptions/nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Scope 'subscriptions/nope' is not valid", result.Error);
    }
}
