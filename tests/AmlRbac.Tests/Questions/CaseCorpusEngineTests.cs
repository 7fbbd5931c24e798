using System.Text.Json;
using Xunit;

using AmlRbac.Output;
using AmlRbac.Rbac;
using AmlRbac.Tests.Cases;

namespace AmlRbac.Tests.Questions;

/// <summary>Every corpus case through <see cref="AccessEvaluator"/>: the decision, and each expected reason present.</summary>
public sealed class CaseCorpusEngineTests
{
    [Theory]
    [MemberData(nameof(CaseCorpus.Keys), MemberType = typeof(CaseCorpus))]
    public void Engine_answers_as_the_case_expects(string key)
    {
        var corpusCase = CaseCorpus.Cases[key];
        var evaluator = new AccessEvaluator(CaseCorpus.TenantOf(corpusCase));

        var decision = corpusCase.Ask(evaluator);

        using var json = JsonDocument.Parse(DecisionJson.Serialize(decision));
        CaseCorpus.AssertMatches(corpusCase, json.RootElement);
    }

    [Fact]
    public void The_corpus_has_checks_and_role_questions()
    {
        var kinds = CaseCorpus.Cases.Values.Select(c => c.Kind).ToHashSet();

        Assert.Contains(CorpusCase.CheckKind, kinds);
        Assert.Contains(CorpusCase.RoleKind, kinds);
    }
}
