using System.Xml;
using System.Xml.Linq;
using Xunit;

using AmlRbac.Cli;
using AmlRbac.Output;
using AmlRbac.Tests.PowerShell;
using AmlRbac.Tests.Sources.Live;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// amlrbac report: the access report on stdout or in --out, in each format; an existing file kept unless --force; the
/// exit codes of the other verbs (0, and 2 with one line for bad input); and live Azure answering as the snapshot does.
/// </summary>
public sealed class CliReportTests : IDisposable
{
    private const string ContosoMl = "/providers/Microsoft.Management/managementGroups/contoso-ml";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void The_default_is_an_html_page_on_stdout()
    {
        var result = CliRunner.InProcess("report", "--scope", ContosoMl, "--sample");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var reader = XmlReader.Create(new StringReader(result.Out), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var html = XDocument.Load(reader);
        Assert.Equal(new[] { "mlw-dev", "mlw-prod" }, html.Descendants().Where(e => e.Name.LocalName == "h2").Select(e => e.Value));
    }

    [Fact]
    public void Without_a_tenant_it_is_TenantMissing()
    {
        var result = CliRunner.InProcess("report", "--scope", ContosoMl);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--sample", Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("markdown", "# " + AccessReportText.Title)]
    [InlineData("MARKDOWN", "# " + AccessReportText.Title)]
    [InlineData("csv", "Workspace,WorkspaceId,Principal,PrincipalId,PrincipalType,Kind,Name,Decision,Reasons\r\n")]
    public void Each_format_is_written_as_asked(string format, string start)
    {
        var result = CliRunner.InProcess("report", "--scope", Contoso.ProdWorkspace, "--format", format, "--snapshot", Contoso.SnapshotPath);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith(start, result.Out);
        Assert.Contains("Carol Diaz", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Out_writes_the_file_and_says_so_and_keeps_it_unless_force()
    {
        var path = PathOf("report.csv");

        var written = CliRunner.InProcess("report", "--scope", ContosoMl, "--format", "csv", "--out", path, "--snapshot", Contoso.SnapshotPath);
        Assert.Equal(ExitCodes.Success, written.ExitCode);
        Assert.StartsWith("Wrote " + path + ": 2 workspace(s)", written.Out);
        var first = File.ReadAllText(path);
        Assert.StartsWith("Workspace,WorkspaceId,", first);

        var again = CliRunner.InProcess("report", "--scope", Contoso.DevWorkspace, "--format", "csv", "--out", path, "--snapshot", Contoso.SnapshotPath);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Equal($"amlrbac: The report file '{path}' exists; give --force to replace it, or name another file.", Assert.Single(again.ErrorLines));
        Assert.Equal(string.Empty, again.Out);
        Assert.Equal(first, File.ReadAllText(path));

        var forced = CliRunner.InProcess("report", "--scope", Contoso.DevWorkspace, "--format", "csv", "--out", path, "--force", "--snapshot", Contoso.SnapshotPath);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.DoesNotContain("mlw-prod", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--format pdf", "amlrbac: --format 'pdf' is not a report format: use html, markdown, csv.")]
    [InlineData("--scope rg-ml-dev", "amlrbac: Scope 'rg-ml-dev' is not valid: a scope starts with '/' (for example /subscriptions/{id}/resourceGroups/{name}).")]
    [InlineData("--force", "amlrbac: --force goes with --out. See 'amlrbac report --help'.")]
    [InlineData("--arm-url https://management.azure.com", "amlrbac: --arm-url goes with --live: add --live to read live Azure.")]
    public void Bad_input_exits_2_with_one_line(string options, string expected)
    {
        var args = new[] { "report" }.Concat(options.Contains("--scope") ? Array.Empty<string>() : new[] { "--scope", ContosoMl }).Concat(options.Split(' ')).ToArray();

        var result = CliRunner.InProcess(args);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_missing_folder_is_found_before_the_report_is_made()
    {
        var result = CliRunner.InProcess("report", "--scope", ContosoMl, "--out", PathOf(Path.Combine("missing", "report.html")), "--snapshot", Contoso.SnapshotPath);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("does not exist", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_exit_code_the_shell_sees_is_0_and_2()
    {
        var results = CliRunner.InProcesses(new IReadOnlyList<string>[]
        {
            new[] { "report", "--scope", Contoso.DevWorkspace, "--format", "markdown", "--snapshot", Contoso.SnapshotPath },
            new[] { "report", "--scope", Contoso.DevWorkspace, "--format", "xml" },
        });

        Assert.Equal(ExitCodes.Success, results[0].ExitCode);
        Assert.Equal(ExitCodes.BadInput, results[1].ExitCode);
        Assert.Single(results[1].ErrorLines);
    }

    [Fact]
    public async Task Live_Azure_reports_what_the_snapshot_reports()
    {
        await using var harness = await LiveHarness.StartAsync();
        var arm = "AMLRBAC_TEST_ARM_" + Guid.NewGuid().ToString("N");
        var graph = "AMLRBAC_TEST_GRAPH_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(arm, LiveHarness.ArmToken);
        Environment.SetEnvironmentVariable(graph, LiveHarness.GraphToken);
        try
        {
            var live = CliRunner.InProcess("report", "--scope", ContosoMl, "--format", "csv", "--live", "--arm-url", harness.Emulator.BaseUrl.AbsoluteUri,
                "--access-token-env", arm, "--graph-access-token-env", graph);
            var offline = CliRunner.InProcess("report", "--scope", ContosoMl, "--format", "csv", "--snapshot", Contoso.SnapshotPath);

            Assert.True(live.ExitCode == ExitCodes.Success, live.ToString());
            Assert.Equal(offline.Out, live.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(arm, null);
            Environment.SetEnvironmentVariable(graph, null);
        }
    }

    [Fact]
    public void Every_option_of_the_verb_is_documented_on_its_page()
    {
        var report = AmlRbacCommand.Create(new Terminal(TextWriter.Null, TextWriter.Null, CliRunner.Width)).Subcommands.Single(c => c.Name == "report");
        var page = File.ReadAllText(ModuleFiles.InRepository("docs", "REPORT.md"));

        Assert.NotEmpty(report.Options);
        Assert.All(report.Options.Where(o => o.Name != "--help"), o => Assert.Contains("`" + o.Name, page));
    }
}
