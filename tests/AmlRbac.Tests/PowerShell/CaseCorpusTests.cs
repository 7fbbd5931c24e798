using System.Text.Json;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// The shared case corpus (tests/cases/*.json) through the path Test-AmlPermission -Detailed takes
/// after binding: the tenant chosen as the cmdlet chooses it ("contoso" is -SnapshotPath
/// samples/contoso.snapshot.json, "none" no source), the question, and the AmlPermissionDecision
/// written. The Pester suite drives the same cases through the cmdlet itself.
/// </summary>
public sealed class CaseCorpusTests
{
    public static TheoryData<string, string> Cases() => CasesOfKind(null);

    /// <summary>The cases about a principal at a scope (not a role alone).</summary>
    public static TheoryData<string, string> CheckCases() => CasesOfKind("check");

    private static TheoryData<string, string> CasesOfKind(string? kind)
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(ModuleFiles.InRepository("tests", "cases"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var testCase in document.RootElement.GetProperty("cases").EnumerateArray()
                .Where(c => kind is null || c.GetProperty("query").GetProperty("kind").GetString() == kind))
            {
                cases.Add(Path.GetFileName(file), testCase.GetProperty("name").GetString()!);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_written_decision_is_the_expected_one(string file, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ModuleFiles.InRepository("tests", "cases", file)));
        var testCase = document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var query = testCase.GetProperty("query");
        var isRole = query.GetProperty("kind").GetString() == "role";
        var snapshot = testCase.GetProperty("snapshot").GetString() == "contoso" ? new[] { Contoso.SnapshotPath } : Array.Empty<string>();

        var evaluator = new AccessEvaluator(TenantChoice.Choose(snapshot, piped: null, sample: false, needsTenant: !isRole, "give a snapshot").Tenant);
        var question = new PermissionQuestion(evaluator, new[] { query.GetProperty("action").GetString()! }, null,
            query.TryGetProperty("isDataAction", out var data) && data.GetBoolean());
        var subject = isRole
            ? Subject.ForRoleName(query.GetProperty("role").GetString()!)
            : Subject.PrincipalAt(query.GetProperty("principal").GetString()!, query.GetProperty("scope").GetString()!);
        var decision = AmlPermissionDecision.From(question.AnswerFor(subject).Single());

        var expected = testCase.GetProperty("expected");
        Assert.Equal(expected.GetProperty("decision").GetString(), decision.Decision.ToString());
        foreach (var reason in expected.TryGetProperty("reasons", out var reasons) ? reasons.EnumerateArray() : default)
        {
            var fields = reason.EnumerateObject().Select(f => (f.Name, Value: f.Value.GetString())).ToList();
            Assert.True(decision.Reasons.Any(r => fields.All(f => Field(r, f.Name) == f.Value)),
                $"No reason with {string.Join(", ", fields.Select(f => $"{f.Name}={f.Value}"))} among: " +
                string.Join("; ", decision.Reasons.Select(r => $"{r.Kind} {r.RoleName} {r.Scope} {r.ViaGroupName}")));
        }
    }

    [Theory]
    [MemberData(nameof(CheckCases))]
    public void Who_can_and_the_listing_agree_with_the_case(string file, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ModuleFiles.InRepository("tests", "cases", file)));
        var testCase = document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var query = testCase.GetProperty("query");
        var principal = query.GetProperty("principal").GetString()!;
        var action = query.GetProperty("action").GetString()!;
        var subject = Subject.PrincipalAt(principal, query.GetProperty("scope").GetString()!);
        var expected = testCase.GetProperty("expected").GetProperty("decision").GetString();

        var holders = EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { action }, query.GetProperty("isDataAction").GetBoolean())
            .AnswerFor(Subject.At(subject.Scope!))
            .Where(a => a.Operation!.PrincipalId == principal)
            .Select(a => a.Outcome.ToString());
        var listed = EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation).AnswerFor(subject)
            .Where(a => string.Equals(a.Operation!.Action, action, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Outcome.ToString())
            .ToList();

        Assert.Equal(expected is "Allowed" or "Conditional" or "Eligible" ? new[] { expected } : Array.Empty<string>(), holders);
        Assert.True(listed.Count == 0 || listed.SequenceEqual(new[] { expected }), $"listed as {string.Join(", ", listed)}");
    }

    private static string? Field(AmlReason reason, string name) => name switch
    {
        "kind" => reason.Kind,
        "roleName" => reason.RoleName,
        "scope" => reason.Scope,
        "viaGroupName" => reason.ViaGroupName,
        "pattern" => reason.Pattern,
        "denyAssignmentName" => reason.DenyAssignmentName,
        "condition" => reason.Condition,
        _ => throw new InvalidOperationException($"The corpus names reason field '{name}', which this test does not read."),
    };
}
