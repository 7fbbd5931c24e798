using System.Text.Json;
using Xunit;
using static AmlRbac.Tests.WorkspaceIdentity.ConversionHarness;

using AmlRbac.ArmEmulator;
using AmlRbac.Cli;
using AmlRbac.Model;
using AmlRbac.Tests.Cli;
using AmlRbac.Tests.WorkspaceIdentity;

namespace AmlRbac.Tests.Cli;

/// <summary>amlrbac workspace-identity against the emulator: the same engine, with the CLI's confirmation design.</summary>
public sealed class WorkspaceIdentityCliTests
{
    private static string[] Args(ConversionHarness harness, string variable, params string[] more) =>
        new[] { "workspace-identity", "--arm-url", harness.Emulator.BaseUrl.AbsoluteUri, "--access-token-env", variable }.Concat(more).ToArray();

    private static string TokenVariable()
    {
        var name = "AMLRBAC_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, Token);
        return name;
    }

    [Fact]
    public async Task What_if_prints_the_plan_and_the_diff_and_writes_nothing()
    {
        await using var harness = await StartAsync(2);

        var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--resource-id", Workspace(0).Id, "--resource-id", Workspace(1).Id,
            "--remove-legacy-contributor", "--what-if"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("Planned: " + Workspace(1).Id, result.Out, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("2 workspaces: 0 converted, 0 already converted, 2 planned, 0 skipped, 0 pending, 0 failed.", result.Out.TrimEnd().Split('\n')[^1]);
        Assert.All(harness.Emulator.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Yes_converts_each_workspace_reports_each_failure_on_one_line_and_exits_4()
    {
        await using var harness = await StartAsync(3);
        harness.Emulator.Faults.Add(Fault.Forbidden("/workspaces/ws-01") with { Method = "PATCH" });
        var list = Path.GetTempFileName();
        File.WriteAllLines(list, new[] { "# workspaces to convert", Workspace(0).Id, Workspace(1).Id, "", Workspace(2).Id, "/subscriptions/not-a-workspace" });
        try
        {
            var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--ids-from", list, "--remove-legacy-contributor", "--yes"));

            Assert.Equal(ExitCodes.WorkspacesFailed, result.ExitCode);
            Assert.Equal(2, result.ErrorLines.Count);
            Assert.StartsWith($"amlrbac: {Workspace(1).Id}: WorkspaceForbidden: ", result.ErrorLines[0], StringComparison.Ordinal);
            Assert.StartsWith("amlrbac: /subscriptions/not-a-workspace: WorkspaceIdInvalid: ", result.ErrorLines[1], StringComparison.Ordinal);
            Assert.Equal("4 workspaces: 2 converted, 0 already converted, 0 planned, 0 skipped, 0 pending, 2 failed.", result.Out.TrimEnd().Split('\n')[^1]);
            Assert.Equal(new[] { Administrator }, harness.RolesOf(Identity(0)));
            Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(1)));
            Assert.DoesNotContain(Token, result.Out + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(list);
        }
    }

    [Fact]
    public async Task An_ids_file_that_does_not_exist_is_IdsFileNotFound_before_any_request()
    {
        await using var harness = await StartAsync(1);
        var missing = Path.Combine(Path.GetTempPath(), "amlrbac-no-such-ids-" + Guid.NewGuid().ToString("N") + ".txt");

        var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--ids-from", missing, "--yes"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal($"amlrbac: The workspace ids file '{missing}' does not exist.", Assert.Single(result.ErrorLines));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task Without_what_if_or_yes_nothing_is_asked_of_Azure()
    {
        await using var harness = await StartAsync();

        var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--resource-id", Workspace(0).Id));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--what-if", line, StringComparison.Ordinal);
        Assert.Contains("--yes", line, StringComparison.Ordinal);
        Assert.Empty(harness.Emulator.Requests);
    }

    [Theory]
    [InlineData("--yes")]
    [InlineData("--what-if")]
    public async Task A_rollback_cannot_remove_Contributor_and_the_error_names_no_PowerShell_parameter(string mode)
    {
        await using var harness = await StartAsync();

        var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--resource-id", Workspace(0).Id, "--role", "Contributor", "--remove-legacy-contributor", mode));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(
            "amlrbac: Removing the legacy Contributor assignment goes with the Azure AI Administrator role: a rollback to Contributor removes nothing.",
            Assert.Single(result.ErrorLines));
        Assert.Empty(harness.Emulator.Requests);
    }

    [Fact]
    public async Task Json_gives_one_object_per_workspace_and_the_summary()
    {
        await using var harness = await StartAsync();

        var result = CliRunner.InProcess(Args(harness, TokenVariable(), "--subscription", Subscription, "--resource-group", "rg-ml", "--name", Name(0),
            "--yes", "--format", "json"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var workspace = Assert.Single(json.RootElement.GetProperty("workspaces").EnumerateArray().ToList());
        Assert.Equal("Converted", workspace.GetProperty("status").GetString());
        Assert.Equal(Identity(0), workspace.GetProperty("principalId").GetString());
        Assert.Equal(new[] { "Azure AI Administrator", "Contributor" }, workspace.GetProperty("afterRoles").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("converted").GetInt32());
    }
}
