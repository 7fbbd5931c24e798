using System.Text.Json;
using Xunit;

using AmlRbac.Cli;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// amlrbac diff: exit 0 when no decision changed, 1 when one did, 2 with one line for bad input; the JSON contract of
/// docs/DIFF.md (both files with their digests, the items, the decisions with their causes, the groupings); and a
/// table that fits 120 columns.
/// </summary>
public sealed class CliDiffTests
{
    private static string BeforePath => Contoso.SnapshotPath;
    private static string AfterPath => ModuleFiles.InRepository("samples", "contoso-after.snapshot.json");

    [Fact]
    public void The_same_snapshot_twice_exits_0_and_says_nothing_changed()
    {
        var result = CliRunner.InProcess("diff", "--before", BeforePath, "--after", BeforePath);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("No decision changed.", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void A_changed_decision_exits_1()
    {
        var result = CliRunner.InProcess("diff", "--before", BeforePath, "--after", AfterPath);

        Assert.Equal(ExitCodes.Changed, result.ExitCode);
        Assert.Equal(1, ExitCodes.Changed);
        Assert.Contains("Frank Nguyen (2534770b-545c-4579-9733-258a6602b0d0)", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("principal")]
    [InlineData("workspace")]
    public void The_table_fits_120_columns_even_on_a_wide_terminal(string groupBy)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = AmlRbacCommand.Run(new[] { "diff", "--before", BeforePath, "--after", AfterPath, "--group-by", groupBy }, new Terminal(output, error, 200));

        Assert.Equal(ExitCodes.Changed, exitCode);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 120, $"{l.Length}: {l}"));
        Assert.Contains(lines, l => l.Length > 100);
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_line_naming_it()
    {
        var result = CliRunner.InProcess("diff", "--before", BeforePath, "--after", "no-such.snapshot.json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("no-such.snapshot.json", Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("--before")]
    [InlineData("--after")]
    public void Each_file_is_required(string missing)
    {
        var args = new List<string> { "diff", "--before", BeforePath, "--after", AfterPath };
        var at = args.IndexOf(missing);
        args.RemoveRange(at, 2);

        var result = CliRunner.InProcess(args.ToArray());

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(missing, Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_json_names_both_files_with_their_digests_and_every_decision_names_its_causes()
    {
        var result = CliRunner.InProcess("diff", "--before", BeforePath, "--after", AfterPath, "--format", "json");

        Assert.Equal(ExitCodes.Changed, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(
            new[] { "before", "after", "changed", "pairsEvaluated", "items", "decisions", "byPrincipal", "byWorkspace" },
            root.EnumerateObject().Select(p => p.Name));
        foreach (var file in new[] { ("before", BeforePath), ("after", AfterPath) })
        {
            var evidence = root.GetProperty(file.Item1);
            Assert.Equal(file.Item2, evidence.GetProperty("path").GetString());
            Assert.Matches("^[0-9a-f]{64}$", evidence.GetProperty("sha256").GetString());
            Assert.Equal(new FileInfo(file.Item2).Length, evidence.GetProperty("bytes").GetInt64());
        }
        Assert.True(root.GetProperty("changed").GetBoolean());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("index").GetInt32()));
        var membership = Assert.Single(items, i => i.GetProperty("kind").GetString() == "GroupMembership");
        Assert.Equal("Added", membership.GetProperty("change").GetString());
        Assert.Equal("2534770b-545c-4579-9733-258a6602b0d0", membership.GetProperty("memberId").GetString());

        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        var cluster = Assert.Single(decisions, d => d.GetProperty("principalId").GetString() == "2534770b-545c-4579-9733-258a6602b0d0"
            && d.GetProperty("asked").GetString() == "CreateComputeCluster");
        Assert.Equal("Frank Nguyen", cluster.GetProperty("principalName").GetString());
        Assert.Equal("Activity", cluster.GetProperty("kind").GetString());
        Assert.Equal(Contoso.DevWorkspace, cluster.GetProperty("scope").GetString());
        Assert.Equal(Contoso.DevWorkspace, cluster.GetProperty("workspace").GetString());
        Assert.Equal(("NotGranted", "Allowed"), (cluster.GetProperty("before").GetString(), cluster.GetProperty("after").GetString()));
        Assert.Equal(new[] { membership.GetProperty("index").GetInt32() }, cluster.GetProperty("causes").EnumerateArray().Select(c => c.GetInt32()));

        var falcon = Assert.Single(decisions, d => d.TryGetProperty("model", out var m) && m.GetString() == Contoso.Falcon);
        Assert.Equal(("*", "ModelDeployment"), (falcon.GetProperty("principalId").GetString(), falcon.GetProperty("kind").GetString()));

        Assert.Equal(decisions.Count, root.GetProperty("byPrincipal").EnumerateArray().Sum(g => g.GetProperty("decisions").GetInt32()));
        Assert.Equal(decisions.Count, root.GetProperty("byWorkspace").EnumerateArray().Sum(g => g.GetProperty("decisions").GetInt32()));
    }

    [Fact]
    public void Privileged_lists_only_operations()
    {
        var result = CliRunner.InProcess("diff", "--before", BeforePath, "--after", AfterPath, "--privileged", "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        var kinds = json.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).Distinct();
        Assert.Equal(new[] { "Operation" }, kinds);
    }
}
