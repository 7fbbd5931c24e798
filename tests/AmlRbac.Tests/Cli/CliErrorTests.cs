using Xunit;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Tests.Cli;

/// <summary>Bad input, whether the parser or the engine finds it: exit code 2, nothing on stdout, one plain line on stderr.</summary>
public sealed class CliErrorTests : IDisposable
{
    private const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
    private const string DevWorkspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Bad_scope_is_one_line_from_the_engine()
    {
        var result = CliRunner.InProcess("test", "--sample", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", "x");

        var line = AssertBadInput(result);
        Assert.StartsWith("amlrbac: Scope 'x' is not valid", line);
    }

    [Fact]
    public void Unknown_action_suggests_the_closest_operations()
    {
        var result = CliRunner.InProcess("test", "--role", "Reader", "--action", "Microsoft.MachineLearningServices/workspaces/computes/wrte");

        var line = AssertBadInput(result);
        Assert.Contains("Did you mean", line);
        Assert.Contains($"'{ComputeWrite}'", line);
    }

    [Fact]
    public void Unknown_activity_is_one_line_naming_it()
    {
        var result = CliRunner.InProcess("test", "--role", "Reader", "--activity", "NoSuchActivity");

        var line = AssertBadInput(result);
        Assert.Contains("Activity 'NoSuchActivity' is not in the catalog", line);
    }

    [Fact]
    public void Unknown_template_suggests_the_closest_and_where_to_list_them()
    {
        var result = CliRunner.InProcess("role", "new", "--template", "MLOp", "--assignable-scope", "/subscriptions/00000000-0000-0000-0000-000000000001");

        var line = AssertBadInput(result);
        Assert.Contains("Template 'MLOp' is not in the catalog. Did you mean 'MLOps'?", line);
        Assert.Contains("amlrbac catalog templates", line);
    }

    // The engine's message is the CLI's too, so it names no PowerShell parameter.
    [Fact]
    public void A_role_id_that_is_not_a_GUID_is_named_without_a_PowerShell_parameter()
    {
        var result = CliRunner.InProcess("role", "new", "--template", "MLOps", "--assignable-scope", "/subscriptions/00000000-0000-0000-0000-000000000001", "--id", "nope");

        var line = AssertBadInput(result);
        Assert.StartsWith("amlrbac: Role id 'nope' is not a GUID", line);
        Assert.DoesNotContain("-Id", line);
    }

    [Fact]
    public void Missing_snapshot_is_one_line_naming_the_file()
    {
        var path = Path.Combine(_folder, "missing.json");

        var result = CliRunner.InProcess("test", "--role", "Reader", "--action", ComputeWrite, "--snapshot", path);

        var line = AssertBadInput(result);
        Assert.Contains(path, line);
        Assert.Contains("does not exist", line);
    }

    [Fact]
    public void Malformed_snapshot_is_one_line_naming_the_file()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{ \"schemaVersion\": 1,\n  \"roleAssignments\": [ oops ] }");

        var result = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace, "--snapshot", path);

        var line = AssertBadInput(result);
        Assert.Contains(path, line);
    }

    [Fact]
    public void Empty_snapshot_path_is_a_parse_error()
    {
        var result = CliRunner.InProcess("test", "--role", "Reader", "--action", ComputeWrite, "--snapshot", "");

        Assert.Contains("--snapshot needs a file path.", AssertBadInput(result));
    }

    [Fact]
    public void Unknown_principal_is_one_line()
    {
        var result = CliRunner.InProcess("test", "--sample", "--principal", "nobody@contoso.com", "--action", ComputeWrite, "--scope", DevWorkspace);

        Assert.Contains("Principal 'nobody@contoso.com'", AssertBadInput(result));
    }

    [Theory]
    [InlineData("unknown option", "test --role Reader --action A --bogus", "'--bogus'")]
    [InlineData("no subcommand", "", "amlrbac --help")]
    [InlineData("missing required option", "who --action A", "'--scope' is required")]
    [InlineData("principal and role", "test --role Reader --principal p --scope /subscriptions/s --action A", "not both")]
    [InlineData("neither action nor activity", "test --role Reader", "Give --action or --activity")]
    [InlineData("principal without scope", "test --principal p --action A", "--principal needs --scope")]
    [InlineData("role with scope", "test --role Reader --action A --scope /subscriptions/s", "--scope goes with --principal")]
    [InlineData("unknown format", "test --role Reader --action A --format xml", "'xml'")]
    [InlineData("unknown decision", "access --principal p --scope /subscriptions/s --decision Allowed,Nope", "'Nope' is not a decision")]
    [InlineData("unknown listing", "access --principal p --scope /subscriptions/s --by role", "'role'")]
    public void Parse_errors_are_one_line_with_a_help_hint(string why, string commandLine, string expected)
    {
        var result = CliRunner.InProcess(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var line = AssertBadInput(result);
        Assert.True(line.Contains(expected, StringComparison.Ordinal), $"{why}: '{line}' does not say {expected}");
        Assert.Contains("--help'.", line);
    }

    [Theory]
    [InlineData("test --role Reader --action A --arm-url https://management.azure.com", "amlrbac: --arm-url goes with --live: add --live to read live Azure.")]
    [InlineData("who --action A --scope /subscriptions/s --live --snapshot f.json", "amlrbac: Live Azure and a snapshot (f.json) were both given; answer from one: live Azure, or the snapshot or objects.")]
    public void The_one_source_rule_is_the_engines_in_the_CLIs_words(string commandLine, string expected)
    {
        var result = CliRunner.InProcess(commandLine.Split(' '));

        Assert.Equal(expected, AssertBadInput(result));
    }

    // Bad input never prints the sample note as well: the one line is the error.
    private static string AssertBadInput(CliResult result)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amlrbac: ", line);
        return line;
    }
}
