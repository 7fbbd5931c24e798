using System.Text.Json;
using Xunit;

using AmlRbac.Tests.Cases;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// Every corpus case through the built CLI, each in its own process as a user runs it:
/// `amlrbac test ... --format json`. The exit code is 0 exactly when the case expects Allowed, and the
/// JSON carries the expected decision and reasons. The processes run once, together, for the class.
/// </summary>
public sealed class CaseCorpusCliTests : IClassFixture<CaseCorpusCliTests.Runs>
{
    private readonly Runs _runs;

    public CaseCorpusCliTests(Runs runs) => _runs = runs;

    [Theory]
    [MemberData(nameof(CaseCorpus.Keys), MemberType = typeof(CaseCorpus))]
    public void Cli_answers_as_the_case_expects(string key)
    {
        var corpusCase = CaseCorpus.Cases[key];
        var result = _runs.ByKey[key];

        Assert.True(result.ExitCode == (corpusCase.ExpectedDecision == "Allowed" ? 0 : 1), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        CaseCorpus.AssertMatches(corpusCase, json.RootElement);
    }

    /// <summary>All cases' processes, started in parallel once.</summary>
    public sealed class Runs
    {
        public Runs()
        {
            var keys = CaseCorpus.Cases.Keys.ToList();
            var results = CliRunner.InProcesses(keys.Select(k => CaseCorpus.Cases[k].CliArguments()).ToList());
            ByKey = keys.Zip(results).ToDictionary(p => p.First, p => p.Second);
        }

        public IReadOnlyDictionary<string, CliResult> ByKey { get; }
    }
}
