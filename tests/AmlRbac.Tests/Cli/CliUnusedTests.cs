using System.Text.Json;
using Xunit;

using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Cli;

/// <summary>amlrbac unused: the table, the JSON contract of docs/UNUSED.md, and exit codes (0 nothing to narrow, 1 something, 2 bad input).</summary>
public sealed class CliUnusedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-unused-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_sample_log_has_assignments_to_narrow_and_exits_1()
    {
        var result = CliRunner.InProcess("unused", "--sample", "--activity-log", ActivityLogReaderTests.SampleLog);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Window: 2026-11-02T08:41:11Z to 2026-11-30T18:12:45Z", result.Out);
        Assert.Contains("Control-plane reads (GET) are not logged", result.Out);
        Assert.Contains("Data-plane operations (DataActions", result.Out);
        Assert.Contains("Replace by 'Contributor (used)'", result.Out);
        Assert.Contains("mallory@fabrikam.com: 1 record(s)", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Json_follows_the_contract()
    {
        var result = CliRunner.InProcess("unused", "--sample", "--activity-log", ActivityLogReaderTests.SampleLog, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("az monitor activity-log list", root.GetProperty("shape").GetString());
        Assert.Equal("2026-11-30T18:12:45Z", root.GetProperty("window").GetProperty("to").GetString());
        Assert.True(root.GetProperty("toNarrow").GetBoolean());
        Assert.Equal(4, root.GetProperty("limits").GetArrayLength());
        var contributor = root.GetProperty("assignments").EnumerateArray()
            .Single(a => a.GetProperty("assignmentId").GetString()!.EndsWith("/ece5a7bb-2829-4511-8e9f-7c4ec18941f2", StringComparison.Ordinal));
        Assert.Equal("Replace", contributor.GetProperty("recommendation").GetString());
        Assert.Equal("mlw-dev", contributor.GetProperty("principalName").GetString());
        Assert.Equal("Contributor", contributor.GetProperty("roleName").GetString());
        Assert.True(contributor.GetProperty("proof").GetProperty("grantsNoMore").GetBoolean());
        Assert.True(contributor.GetProperty("coversUsed").GetBoolean());
        // The replacement is the role file New-AzRoleDefinition reads (Permissions shape).
        Assert.Equal("Contributor (used)", contributor.GetProperty("replacement").GetProperty("Name").GetString());
        var used = contributor.GetProperty("used")[0];
        Assert.Equal("Microsoft.KeyVault/vaults/secrets/write", used.GetProperty("operation").GetString());
        Assert.Equal(1, used.GetProperty("records").GetInt32());
        Assert.Equal("039fa18a-8753-4791-9af4-c6206612f7fd", used.GetProperty("callers")[0].GetString());
        Assert.Equal("mallory@fabrikam.com", root.GetProperty("unmatchedCallers")[0].GetProperty("caller").GetString());
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/delete", root.GetProperty("unexplained")[0].GetProperty("operation").GetString());
    }

    [Fact]
    public void A_log_with_no_use_has_nothing_to_narrow_in_Contoso_and_exits_0()
    {
        // Every Contoso role grants reads or data actions: with nothing logged, each is Review, none Remove.
        var log = File("quiet.json", """[ { "caller": "alice@contoso.com", "eventTimestamp": "2026-12-01T00:00:00Z", "status": { "value": "Started" } } ]""");

        var result = CliRunner.InProcess("unused", "--sample", "--activity-log", log, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("assignments").EnumerateArray(), a => Assert.Equal("Review", a.GetProperty("recommendation").GetString()));
    }

    [Fact]
    public void Each_test_log_shape_is_read()
    {
        foreach (var file in new[] { "azureactivity.csv", "azureactivity.json", "get-azactivitylog.json" })
        {
            var result = CliRunner.InProcess("unused", "--sample", "--activity-log", ActivityLogReaderTests.TestLog(file), "--format", "json");

            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(2, json.RootElement.GetProperty("performed").GetInt32()); // Alice's compute, sp-mlops' environment
        }
    }

    [Fact]
    public void A_bad_log_is_one_line_on_stderr_and_exit_2()
    {
        var log = File("bad.json", """[ { "caller": "alice@contoso.com", "eventTimestamp": "soon" } ]""");

        var result = CliRunner.InProcess("unused", "--sample", "--activity-log", log);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"amlrbac: Activity log '{log}' record 1: the time 'soon' is not a date and time (expected ISO 8601, such as 2026-12-01T09:30:00Z).", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }

    [Fact]
    public void No_tenant_or_no_log_is_bad_input()
    {
        Assert.Equal(2, CliRunner.InProcess("unused", "--activity-log", ActivityLogReaderTests.SampleLog).ExitCode);
        Assert.Equal(2, CliRunner.InProcess("unused", "--sample").ExitCode);
        Assert.Equal(2, CliRunner.InProcess("unused", "--sample", "--activity-log", Path.Combine(_folder, "missing.json")).ExitCode);
    }
}
