using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>
/// A request given as alias → value (a JSON object whose keys are aliases), and helpers that run a rule or a single
/// condition against it. Aliases listed in <paramref name="unknown"/> answer Unknown; others not given are absent.
/// </summary>
internal sealed class AliasRequest : IPolicyRequest
{
    private readonly Dictionary<string, object?> _fields;
    private readonly HashSet<string> _unknown;

    public AliasRequest(string json, params string[] unknown)
    {
        _fields = (Dictionary<string, object?>)JsonValues.From(JsonDocument.Parse(json).RootElement)!;
        _unknown = new HashSet<string>(unknown, StringComparer.OrdinalIgnoreCase);
    }

    public FieldLookup Field(string name) =>
        _unknown.Contains(name) ? FieldLookup.Unknown($"{name} is not known in this test")
        : _fields.TryGetValue(name, out var value) ? FieldLookup.Present(value)
        : FieldLookup.Absent();
}

internal static class RuleHarness
{
    /// <summary>Evaluates one condition (JSON) with the given parameters (JSON object name → value).</summary>
    public static ConditionResult Condition(string condition, string request = "{}", string parameters = "{}", params string[] unknown)
    {
        using var document = JsonDocument.Parse(condition);
        var given = (Dictionary<string, object?>)JsonValues.From(JsonDocument.Parse(parameters).RootElement)!;
        var context = new RuleContext(new AliasRequest(request, unknown),
            new ParameterValues(new Dictionary<string, PolicyParameterDefinition>(StringComparer.OrdinalIgnoreCase), given));
        return RuleEvaluator.Evaluate(document.RootElement.Clone(), "if", context);
    }

    public static Truth Holds(string condition, string request = "{}", string parameters = "{}", params string[] unknown) =>
        Condition(condition, request, parameters, unknown).Truth;

    /// <summary>Evaluates a definition's if with the given parameter values (JSON name → value; defaults fill the rest).</summary>
    public static ConditionResult If(PolicyDefinition definition, IPolicyRequest request, string parameters = "{}")
    {
        var given = (Dictionary<string, object?>)JsonValues.From(JsonDocument.Parse(parameters).RootElement)!;
        var context = new RuleContext(request, new ParameterValues(definition.Parameters, given));
        return RuleEvaluator.Evaluate(definition.PolicyRule.GetProperty("if"), "if", context);
    }

    /// <summary>The value of a template expression (or literal string).</summary>
    public static object? Expression(string text, string parameters = "{}", string request = "{}")
    {
        var given = (Dictionary<string, object?>)JsonValues.From(JsonDocument.Parse(parameters).RootElement)!;
        var context = new RuleContext(new AliasRequest(request),
            new ParameterValues(new Dictionary<string, PolicyParameterDefinition>(StringComparer.OrdinalIgnoreCase), given));
        return TemplateExpression.Resolve(text, context);
    }
}
