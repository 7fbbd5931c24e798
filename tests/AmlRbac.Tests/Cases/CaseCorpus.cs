using System.Text.Json;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Cases;

/// <summary>
/// The shared case corpus (tests/cases/*.json, copied to the test output under cases/): questions with
/// their expected decision and reasons, run through the engine and through the CLI so both answer the
/// same. Reasons are compared as the JSON contract writes them, so one matcher serves both.
/// </summary>
public static class CaseCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> All = new(Load);

    /// <summary>Every case, by "file/name".</summary>
    public static IReadOnlyDictionary<string, CorpusCase> Cases => All.Value;

    /// <summary>Case keys for [MemberData]: strings, so each case is its own row in test results.</summary>
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in Cases.Keys)
        {
            data.Add(key);
        }
        return data;
    }

    /// <summary>
    /// Asserts that the decision JSON (<see cref="DecisionJson"/>'s contract) has the expected decision
    /// and, for each expected reason, a reason whose properties include all of the expected ones.
    /// </summary>
    public static void AssertMatches(CorpusCase corpusCase, JsonElement decision)
    {
        Assert.Equal(corpusCase.ExpectedDecision, decision.GetProperty("decision").GetString());
        var reasons = decision.GetProperty("reasons").EnumerateArray().ToList();
        foreach (var expected in corpusCase.ExpectedReasons)
        {
            Assert.True(reasons.Any(r => Includes(r, expected)),
                $"{corpusCase.Key}: no reason includes {expected}. Reasons: {JsonSerializer.Serialize(reasons)}");
        }
    }

    /// <summary>The tenant a case names: "contoso" is the embedded sample, "none" an empty tenant.</summary>
    public static Tenant TenantOf(CorpusCase corpusCase) => corpusCase.Snapshot switch
    {
        "contoso" => SampleTenant.Load(),
        "none" => Tenant.Empty,
        var other => throw new InvalidOperationException($"{corpusCase.Key}: unknown snapshot '{other}'."),
    };

    private static bool Includes(JsonElement actual, JsonElement expected) =>
        expected.EnumerateObject().All(p =>
            actual.TryGetProperty(p.Name, out var value)
            && string.Equals(value.ToString(), p.Value.ToString(), StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyDictionary<string, CorpusCase> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "cases");
        var cases = new SortedDictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var element in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                var corpusCase = CorpusCase.From(Path.GetFileNameWithoutExtension(file), element.Clone());
                cases.Add(corpusCase.Key, corpusCase);
            }
        }
        if (cases.Count == 0)
        {
            throw new InvalidOperationException($"No case in {folder}: the test project copies tests/cases/*.json there.");
        }
        return cases;
    }
}

/// <summary>One case of the corpus: a check (principal, action, scope) or a role-alone question.</summary>
public sealed record CorpusCase(
    string Key,
    string Snapshot,
    string Kind,
    string? Principal,
    string? Role,
    string Action,
    string? Scope,
    bool IsDataAction,
    string ExpectedDecision,
    IReadOnlyList<JsonElement> ExpectedReasons)
{
    public const string CheckKind = "check";
    public const string RoleKind = "role";

    public static CorpusCase From(string file, JsonElement element)
    {
        var query = element.GetProperty("query");
        var expected = element.GetProperty("expected");
        return new CorpusCase(
            $"{file}/{element.GetProperty("name").GetString()}",
            element.GetProperty("snapshot").GetString()!,
            query.GetProperty("kind").GetString()!,
            Text(query, "principal"),
            Text(query, "role"),
            query.GetProperty("action").GetString()!,
            Text(query, "scope"),
            query.TryGetProperty("isDataAction", out var data) && data.GetBoolean(),
            expected.GetProperty("decision").GetString()!,
            expected.TryGetProperty("reasons", out var reasons) ? reasons.EnumerateArray().ToList() : new List<JsonElement>());
    }

    /// <summary>The question through the engine.</summary>
    public Decision Ask(AccessEvaluator evaluator) => Kind switch
    {
        CheckKind => evaluator.Check(Principal!, Action, Scope!, IsDataAction),
        RoleKind => evaluator.CheckRole(evaluator.GetRole(Role!), Action, IsDataAction),
        _ => throw new InvalidOperationException($"{Key}: unknown query kind '{Kind}'."),
    };

    /// <summary>The same question as amlrbac arguments, answered as JSON.</summary>
    public IReadOnlyList<string> CliArguments()
    {
        var args = Kind switch
        {
            CheckKind => new List<string> { "test", "--principal", Principal!, "--action", Action, "--scope", Scope! },
            RoleKind => new List<string> { "test", "--role", Role!, "--action", Action },
            _ => throw new InvalidOperationException($"{Key}: unknown query kind '{Kind}'."),
        };
        if (IsDataAction)
        {
            args.Add("--data-action");
        }
        if (Snapshot == "contoso")
        {
            // The case's tenant is the embedded sample, which the CLI answers from only when asked.
            args.Add("--sample");
        }
        args.AddRange(new[] { "--format", "json" });
        return args;
    }

    public override string ToString() => Key;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
