using System.Text.Encodings.Web;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// Evaluates a policy rule's <c>if</c> against a request. Logical operators [RULE]/b8: <c>allOf</c> (all must hold),
/// <c>anyOf</c> (one or more), <c>not</c>; conditions on <c>field</c>, <c>value</c> or <c>count</c> with one operator
/// (<see cref="ConditionOperators"/>). Anything it cannot evaluate is Unknown and carries the clause's text; Unknown
/// combines by three-valued logic, so it only surfaces when it could change the result (a false clause still makes
/// <c>allOf</c> false). The clause reported is the one that decided: the first false clause of a false <c>allOf</c>,
/// the first true clause of a true <c>anyOf</c>, otherwise the last clause considered.
/// </summary>
internal static class RuleEvaluator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ConditionResult Evaluate(JsonElement condition, string path, RuleContext context)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            return Unknown(condition, path, $"a condition is a JSON object {PublicSource.PolicyRule}.");
        }
        var keys = condition.EnumerateObject().Select(p => p.Name).ToList();
        string? Key(string name) => keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

        if (Key("allOf") is { } allOf)
        {
            return AllOf(condition, condition.GetProperty(allOf), $"{path}.{allOf}", path, context);
        }
        if (Key("anyOf") is { } anyOf)
        {
            return AnyOf(condition, condition.GetProperty(anyOf), $"{path}.{anyOf}", path, context);
        }
        if (Key("not") is { } not)
        {
            var inner = Evaluate(condition.GetProperty(not), $"{path}.{not}", context);
            var truth = inner.Truth switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };
            return Result(truth, condition, path, $"not ({inner.Clause.Detail})");
        }

        var subject = Key("field") ?? Key("value") ?? Key("count");
        if (subject is null)
        {
            return Unknown(condition, path, $"the condition has no field, value, count, allOf, anyOf or not {PublicSource.PolicyRule}.");
        }
        var operators = keys.Where(k => k != subject).ToList();
        if (operators.Count != 1)
        {
            return Unknown(condition, path, $"a condition takes exactly one operator; found {(operators.Count == 0 ? "none" : string.Join(", ", operators))} {PublicSource.PolicyRule}.");
        }
        var op = ConditionOperators.Canonical(operators[0]);
        if (op is null)
        {
            return Unknown(condition, path, $"the operator '{operators[0]}' is not supported by AmlRbac.");
        }
        try
        {
            var right = condition.GetProperty(operators[0]);
            return subject.ToLowerInvariant() switch
            {
                "field" => FieldCondition(condition, path, condition.GetProperty(subject), op, right, context),
                "value" => ValueCondition(condition, path, condition.GetProperty(subject), op, right, context),
                _ => CountCondition(condition, path, condition.GetProperty(subject), op, right, context),
            };
        }
        catch (CannotEvaluateException e)
        {
            return Unknown(condition, path, e.Message);
        }
    }

    private static ConditionResult AllOf(JsonElement condition, JsonElement items, string itemsPath, string path, RuleContext context)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            return Unknown(condition, path, $"allOf takes an array {PublicSource.PolicyRule}.");
        }
        ConditionResult? unknown = null;
        ConditionResult? last = null;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            last = Evaluate(item, $"{itemsPath}[{index++}]", context);
            if (last.Truth == Truth.False)
            {
                return last;
            }
            unknown ??= last.Truth == Truth.Unknown ? last : null;
        }
        return unknown ?? last ?? Result(Truth.True, condition, path, "an empty allOf holds");
    }

    private static ConditionResult AnyOf(JsonElement condition, JsonElement items, string itemsPath, string path, RuleContext context)
    {
        if (items.ValueKind != JsonValueKind.Array)
        {
            return Unknown(condition, path, $"anyOf takes an array {PublicSource.PolicyRule}.");
        }
        ConditionResult? unknown = null;
        ConditionResult? last = null;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            last = Evaluate(item, $"{itemsPath}[{index++}]", context);
            if (last.Truth == Truth.True)
            {
                return last;
            }
            unknown ??= last.Truth == Truth.Unknown ? last : null;
        }
        return unknown ?? last ?? Result(Truth.False, condition, path, "an empty anyOf does not hold");
    }

    private static ConditionResult FieldCondition(JsonElement condition, string path, JsonElement fieldNode, string op, JsonElement rightNode, RuleContext context)
    {
        var name = fieldNode.ValueKind == JsonValueKind.String
            ? TemplateExpression.Resolve(fieldNode.GetString()!, context) as string
            : null;
        if (name is null)
        {
            return Unknown(condition, path, $"field names a string alias {PublicSource.PolicyRule}.");
        }
        var shown = ShortName(name);
        var lookup = context.Field(name);
        var right = TemplateExpression.Resolve(Model.JsonValues.From(rightNode), context);

        if (op == "exists")
        {
            // [ISSUE142]: exists "only checks to see if the property exists in the resource".
            if (lookup.State == FieldState.Unknown)
            {
                return Unknown(condition, path, lookup.Note!);
            }
            var present = lookup.State == FieldState.Present;
            var holds = present == Expected(right);
            return Result(holds, condition, path, $"{shown} is {(present ? "present" : "absent")}; exists {PolicyValues.Show(right)} is {Lower(holds)}");
        }
        if (lookup.State == FieldState.Unknown)
        {
            // in/notIn over an empty list has the same result for every value, so the unknown value does not matter.
            if (op is "in" or "notIn" && PolicyValues.IsList(right, out var none) && none.Count == 0)
            {
                return Result(op == "notIn", condition, path, $"{shown} cannot be told, but {op} [] is {Lower(op == "notIn")} for every value");
            }
            return Unknown(condition, path, lookup.Note!);
        }
        if (lookup.State == FieldState.Absent)
        {
            context.Note($"{shown} is absent; a missing field is taken as null: equal to nothing, in no list, like nothing (inference: a missing field is null, https://learn.microsoft.com/azure/governance/policy/how-to/author-policies-for-arrays, which says nothing of the operators on null).");
        }
        var value = lookup.Value;
        bool result;
        if (name.Contains("[*]", StringComparison.Ordinal) && !context.IsCountedMember(name) && PolicyValues.IsList(value, out var members))
        {
            // [RULE] "field": "each element in the array is evaluated individually with logical and between elements".
            result = members.All(member => ConditionOperators.Apply(op, member, right));
        }
        else
        {
            result = ConditionOperators.Apply(op, value, right);
        }
        var state = lookup.State == FieldState.Absent ? "absent" : PolicyValues.Show(value);
        return Result(result, condition, path, $"{shown} is {state}; {op} {PolicyValues.Show(right)} is {Lower(result)}");
    }

    private static ConditionResult ValueCondition(JsonElement condition, string path, JsonElement valueNode, string op, JsonElement rightNode, RuleContext context)
    {
        if (op == "exists")
        {
            return Unknown(condition, path, $"exists tests a field, not a value {PublicSource.PolicyRule}.");
        }
        var value = TemplateExpression.Resolve(Model.JsonValues.From(valueNode), context);
        var right = TemplateExpression.Resolve(Model.JsonValues.From(rightNode), context);
        var result = ConditionOperators.Apply(op, value, right);
        return Result(result, condition, path, $"value is {PolicyValues.Show(value)}; {op} {PolicyValues.Show(right)} is {Lower(result)}");
    }

    // [RULE] count: field count {"field": "x[*]", "where": ...} or value count {"value": [...], "name": "n", "where": ...};
    // without where every member counts. An Unknown member leaves the count in a range; the result is Unknown only
    // if the comparison differs across that range.
    private static ConditionResult CountCondition(JsonElement condition, string path, JsonElement countNode, string op, JsonElement rightNode, RuleContext context)
    {
        if (countNode.ValueKind != JsonValueKind.Object || op == "exists")
        {
            return Unknown(condition, path, $"count is an object compared with a numeric operator {PublicSource.PolicyRule}.");
        }
        var field = JsonProperties.Find(countNode, "field") is { ValueKind: JsonValueKind.String } fieldNode ? fieldNode.GetString()! : null;
        string name;
        IReadOnlyList<object?> members;
        if (field is not null)
        {
            if (!field.EndsWith("[*]", StringComparison.Ordinal))
            {
                return Unknown(condition, path, $"a field count counts an array alias ending in [*] {PublicSource.PolicyRule}.");
            }
            var lookup = context.Field(field);
            if (lookup.State == FieldState.Unknown)
            {
                return Unknown(condition, path, lookup.Note!);
            }
            name = field;
            members = PolicyValues.IsList(lookup.Value, out var items) ? items : Array.Empty<object?>();
        }
        else
        {
            if (JsonProperties.Find(countNode, "value") is not { } valueNode)
            {
                return Unknown(condition, path, $"count needs a field or a value {PublicSource.PolicyRule}.");
            }
            var value = TemplateExpression.Resolve(Model.JsonValues.From(valueNode), context);
            if (!PolicyValues.IsList(value, out members))
            {
                return Unknown(condition, path, $"a value count needs an array, not {PolicyValues.Show(value)} {PublicSource.PolicyRule}.");
            }
            // [RULE] name is optional when the count is not nested; current() then reads the innermost member.
            name = JsonProperties.Find(countNode, "name") is { ValueKind: JsonValueKind.String } nameNode ? nameNode.GetString()! : "";
        }

        var where = JsonProperties.Find(countNode, "where");
        int certain = 0, uncertain = 0;
        ConditionResult? firstUnknown = null;
        foreach (var member in members)
        {
            var truth = where is null ? Truth.True : context.WithMember(name, member, () =>
            {
                var r = Evaluate(where.Value, $"{path}.count.where", context);
                firstUnknown ??= r.Truth == Truth.Unknown ? r : null;
                return r.Truth;
            });
            certain += truth == Truth.True ? 1 : 0;
            uncertain += truth == Truth.Unknown ? 1 : 0;
        }
        var right = TemplateExpression.Resolve(Model.JsonValues.From(rightNode), context);
        var outcomes = Enumerable.Range(certain, uncertain + 1).Select(n => ConditionOperators.Apply(op, (long)n, right)).Distinct().ToList();
        if (outcomes.Count > 1)
        {
            return Unknown(condition, path, $"the count is between {certain} and {certain + uncertain}: {firstUnknown!.Clause.Detail}");
        }
        var counted = uncertain == 0 ? $"{certain}" : $"between {certain} and {certain + uncertain}";
        return Result(outcomes[0], condition, path, $"count of {members.Count} member(s) is {counted}; {op} {PolicyValues.Show(right)} is {Lower(outcomes[0])}");
    }

    // exists takes true/false as a JSON bool or as text: the built-ins write both, "exists": false and "exists": "false" [POL].
    private static bool Expected(object? right) => right switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw new CannotEvaluateException($"exists takes true or false, not {PolicyValues.Show(right)} {PublicSource.PolicyRule}."),
    };

    // "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId" reads as "model.assetId".
    private static string ShortName(string alias) => alias.Contains('/') ? alias[(alias.LastIndexOf('/') + 1)..] : alias;

    private static string Lower(bool value) => value ? "true" : "false";

    private static ConditionResult Result(bool holds, JsonElement condition, string path, string detail) =>
        Result(holds ? Truth.True : Truth.False, condition, path, detail);

    private static ConditionResult Result(Truth truth, JsonElement condition, string path, string detail) =>
        new(truth, new RuleClause(path, JsonSerializer.Serialize(condition, Compact), detail));

    private static ConditionResult Unknown(JsonElement condition, string path, string reason) =>
        Result(Truth.Unknown, condition, path, RuleClause.CannotEvaluatePrefix + reason);
}
