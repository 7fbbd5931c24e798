using System.Text.Json;
using Xunit;
using AmlRbac.Model;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// What only a real process shows: the exit codes the shell sees, stdout clean for JSON, and bad input
/// giving one line on stderr with no stack trace. The few processes run together once.
/// </summary>
public sealed class CliProcessTests : IClassFixture<CliProcessTests.Runs>
{
    private readonly Runs _runs;

    public CliProcessTests(Runs runs) => _runs = runs;

    [Fact]
    public void Readme_command_exits_1_with_a_readable_answer()
    {
        var result = _runs.Results[0];

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("NotGranted", result.Out);
        // A role alone needs no tenant: nothing to say on stderr.
        Assert.Empty(result.ErrorLines);
    }

    [Fact]
    public void Json_on_stdout_parses_and_allowed_exits_0()
    {
        var result = _runs.Results[1];

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("Allowed", json.RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void Engine_error_exits_2_with_one_line()
    {
        var result = _runs.Results[2];

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("amlrbac: Scope 'x' is not valid", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Parse_error_exits_2_with_one_line()
    {
        var result = _runs.Results[3];

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("amlrbac: ", Assert.Single(result.ErrorLines));
    }

    public sealed class Runs
    {
        private const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";

        public Runs() => Results = CliRunner.InProcesses(new[]
        {
            new[] { "test", "--role", "AzureML Data Scientist", "--action", ComputeWrite },
            new[] { "test", "--role", "AzureML Compute Operator", "--action", ComputeWrite, "--format", "json" },
            new[] { "test", "--sample", "--principal", "alice@contoso.com", "--action", ComputeWrite, "--scope", "x" },
            new[] { "test", "--role", "Reader", "--bogus" },
        });

        public IReadOnlyList<CliResult> Results { get; }
    }
}
