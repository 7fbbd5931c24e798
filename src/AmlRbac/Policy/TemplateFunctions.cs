using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// The template functions AmlRbac evaluates in policy rules. [RULE]: "All Resource Manager template functions are
/// available to use within a policy rule" except a listed few, plus the policy-only <c>field()</c> and
/// <c>current()</c>; <c>parameters()</c> reads a definition parameter [PARAMS]. Semantics of the string functions
/// follow [STRFN]; <c>if</c>, <c>not</c>, <c>and</c>, <c>or</c>, <c>true</c>, <c>false</c> follow the ARM logical functions
/// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical) and <c>equals</c>
/// the ARM comparison functions (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison).
/// Any other function is Unknown, never guessed.
/// </summary>
internal static class TemplateFunctions
{
    private delegate object? Function(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context);

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["parameters"] = (a, c) => c.Parameters.Get(Text(One(a, c, "parameters"), "parameters")),
        ["field"] = Field,
        ["current"] = (a, c) => c.Current(a.Count == 0 ? null : Text(One(a, c, "current"), "current")),
        ["concat"] = Concat,
        ["toLower"] = (a, c) => Text(One(a, c, "toLower"), "toLower").ToLowerInvariant(),
        ["toUpper"] = (a, c) => Text(One(a, c, "toUpper"), "toUpper").ToUpperInvariant(),
        ["trim"] = (a, c) => Text(One(a, c, "trim"), "trim").Trim(),
        ["split"] = Split,
        ["if"] = If,
        ["empty"] = (a, c) => Empty(One(a, c, "empty")),
        ["equals"] = (a, c) => Two(a, c, "equals") is var (x, y) && StrictlyEqual(x, y),
        ["contains"] = Contains,
        ["length"] = (a, c) => Length(One(a, c, "length")),
        ["first"] = (a, c) => Edge(One(a, c, "first"), first: true),
        ["last"] = (a, c) => Edge(One(a, c, "last"), first: false),
        ["replace"] = Replace,
        // [STRFN]: startsWith/endsWith/indexOf are case-insensitive.
        ["startsWith"] = (a, c) => Two(a, c, "startsWith") is var (x, y) && Text(x, "startsWith").StartsWith(Text(y, "startsWith"), StringComparison.OrdinalIgnoreCase),
        ["endsWith"] = (a, c) => Two(a, c, "endsWith") is var (x, y) && Text(x, "endsWith").EndsWith(Text(y, "endsWith"), StringComparison.OrdinalIgnoreCase),
        ["substring"] = Substring,
        ["string"] = (a, c) => StringOf(One(a, c, "string")),
        ["not"] = (a, c) => !Bool(One(a, c, "not"), "not"),
        ["and"] = (a, c) => Many(a, c, "and").Select(v => Bool(v, "and")).Aggregate(true, (x, y) => x & y),
        ["or"] = (a, c) => Many(a, c, "or").Select(v => Bool(v, "or")).Aggregate(false, (x, y) => x | y),
        ["true"] = (a, c) => None(a, "true", true),
        ["false"] = (a, c) => None(a, "false", false),
    };

    // [RULE] lists these as not available within a policy rule.
    private static readonly HashSet<string> NotInPolicies = new(StringComparer.OrdinalIgnoreCase)
    {
        "copyIndex", "dateTimeAdd", "dateTimeFromEpoch", "dateTimeToEpoch", "deployment", "environment", "extensionResourceId",
        "lambda", "listAccountSas", "listKeys", "listSecrets", "managementGroup", "newGuid", "pickZones", "providers",
        "reference", "resourceId", "subscriptionResourceId", "tenantResourceId", "tenant", "variables",
    };

    /// <summary>The names of the supported functions, as the unsupported-function message lists them.</summary>
    public static IEnumerable<string> Supported => Functions.Keys;

    public static object? Invoke(TemplateExpression.Call call, RuleContext context)
    {
        if (Functions.TryGetValue(call.Name, out var function))
        {
            return function(call.Arguments, context);
        }
        throw new CannotEvaluateException(NotInPolicies.Contains(call.Name) || call.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase)
            ? $"the function '{call.Name}' is not available within a policy rule {PublicSource.PolicyRule}."
            : $"the template function '{call.Name}' is not supported by AmlRbac (it evaluates {string.Join(", ", Supported)}).");
    }

    // [RULE] field(fieldName). [ARRAYS]: field() of a missing alias returns "" (of a missing x[*], []).
    // A value known only by its beginning stays in field conditions, which can decide on it; functions cannot.
    private static object? Field(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var name = Text(One(arguments, context, "field"), "field");
        var lookup = context.Field(name);
        return lookup.State switch
        {
            FieldState.Present when lookup.Value is KnownPrefix partial => throw new CannotEvaluateException($"field('{name}') is only known to start with \"{partial.Prefix}\": {lookup.Note}"),
            FieldState.Present => lookup.Value,
            FieldState.Absent => "",
            _ => throw new CannotEvaluateException(lookup.Note ?? $"the field '{name}' cannot be read."),
        };
    }

    // [STRFN] concat joins strings or arrays "but cannot mix them".
    private static object? Concat(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var values = Many(arguments, context, "concat");
        if (values.Count > 0 && values.All(v => v is IReadOnlyList<object?>))
        {
            return values.SelectMany(v => (IReadOnlyList<object?>)v!).ToList();
        }
        if (values.Any(v => v is IReadOnlyList<object?>))
        {
            throw new CannotEvaluateException($"concat() cannot mix strings and arrays {PublicSource.StringFunctions}; Azure fails such an evaluation, an implicit deny {PublicSource.PolicyRule}.");
        }
        return string.Concat(values.Select(v => PolicyValues.ScalarText(v) ?? throw new CannotEvaluateException($"concat() cannot join {PolicyValues.Show(v)} {PublicSource.StringFunctions}.")));
    }

    // [STRFN] split(inputString, delimiter): the delimiter is a string or an array of strings; returns a string array.
    private static object? Split(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var (input, delimiter) = Two(arguments, context, "split");
        var separators = PolicyValues.IsList(delimiter, out var many)
            ? many.Select(d => Text(d, "split")).ToArray()
            : new[] { Text(delimiter, "split") };
        return Text(input, "split").Split(separators, StringSplitOptions.None).Cast<object?>().ToList();
    }

    // ARM logical if(condition, trueValue, falseValue): only the chosen branch is evaluated.
    private static object? If(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        if (arguments.Count != 3)
        {
            throw new CannotEvaluateException("if() takes 3 arguments.");
        }
        return Bool(arguments[0].Evaluate(context), "if") ? arguments[1].Evaluate(context) : arguments[2].Evaluate(context);
    }

    // [STRFN] empty works on an array, an object or a string; null is empty too.
    private static bool Empty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> fields => fields.Count == 0,
        _ => throw new CannotEvaluateException($"empty() takes a string, an array or an object, not {PolicyValues.Show(value)} {PublicSource.StringFunctions}."),
    };

    // [STRFN] contains(container, item) on an array, an object (key) or a string; "The function's string comparison
    // is case-sensitive, unlike the contains condition."
    private static object? Contains(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var (container, item) = Two(arguments, context, "contains");
        return container switch
        {
            string s => s.Contains(Text(item, "contains"), StringComparison.Ordinal),
            IReadOnlyList<object?> list => list.Any(v => StrictlyEqual(v, item)),
            IReadOnlyDictionary<string, object?> fields => fields.Keys.Any(k => string.Equals(k, Text(item, "contains"), StringComparison.Ordinal)),
            _ => throw new CannotEvaluateException($"contains() takes a string, an array or an object, not {PolicyValues.Show(container)} {PublicSource.StringFunctions}."),
        };
    }

    private static object? Length(object? value) => value switch
    {
        string s => (long)s.Length,
        IReadOnlyList<object?> list => (long)list.Count,
        IReadOnlyDictionary<string, object?> fields => (long)fields.Count,
        _ => throw new CannotEvaluateException($"length() takes a string, an array or an object, not {PolicyValues.Show(value)} {PublicSource.StringFunctions}."),
    };

    // [STRFN] first/last: the first/last character of a string or element of an array.
    private static object? Edge(object? value, bool first) => value switch
    {
        string { Length: 0 } => "",
        string s => (first ? s[0] : s[^1]).ToString(),
        IReadOnlyList<object?> { Count: > 0 } list => first ? list[0] : list[^1],
        _ => throw new CannotEvaluateException($"{(first ? "first" : "last")}() of {PolicyValues.Show(value)} cannot be told."),
    };

    private static object? Replace(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var values = Many(arguments, context, "replace");
        if (values.Count != 3)
        {
            throw new CannotEvaluateException("replace() takes 3 arguments.");
        }
        var old = Text(values[1], "replace");
        return old.Length == 0 ? Text(values[0], "replace") : Text(values[0], "replace").Replace(old, Text(values[2], "replace"), StringComparison.Ordinal);
    }

    // [STRFN] substring(stringToParse, startIndex, length); out of range it fails, which [RULE] makes an implicit deny.
    private static object? Substring(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context)
    {
        var values = Many(arguments, context, "substring");
        if (values.Count is < 2 or > 3)
        {
            throw new CannotEvaluateException("substring() takes 2 or 3 arguments.");
        }
        var text = Text(values[0], "substring");
        var start = Integer(values[1], "substring");
        var length = values.Count == 3 ? Integer(values[2], "substring") : text.Length - start;
        if (start < 0 || length < 0 || start + length > text.Length)
        {
            throw new CannotEvaluateException($"substring({PolicyValues.Show(text)}, {start}, {length}) is out of range; Azure fails the evaluation, an implicit deny {PublicSource.StringFunctions}{PublicSource.PolicyRule}.");
        }
        return text.Substring(start, length);
    }

    // [STRFN] string(valueToConvert): scalars as text, arrays and objects as JSON.
    private static object? StringOf(object? value) => PolicyValues.ScalarText(value) ?? JsonSerializer.Serialize(value);

    // Case-sensitive deep equality of the equals() and contains() functions (unlike the conditions, inference from [STRFN]).
    private static bool StrictlyEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => StrictlyEqual(p.First, p.Second)),
        (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && StrictlyEqual(p.Value, other)),
        (long or int or double, long or int or double) => Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture),
        _ => false,
    };

    private static List<object?> Many(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context, string name) =>
        arguments.Count == 0 ? throw new CannotEvaluateException($"{name}() needs arguments.") : arguments.Select(a => a.Evaluate(context)).ToList();

    private static object? One(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context, string name) =>
        arguments.Count == 1 ? arguments[0].Evaluate(context) : throw new CannotEvaluateException($"{name}() takes 1 argument.");

    private static (object? First, object? Second) Two(IReadOnlyList<TemplateExpression.Node> arguments, RuleContext context, string name) =>
        arguments.Count == 2 ? (arguments[0].Evaluate(context), arguments[1].Evaluate(context)) : throw new CannotEvaluateException($"{name}() takes 2 arguments.");

    private static object? None(IReadOnlyList<TemplateExpression.Node> arguments, string name, bool value) =>
        arguments.Count == 0 ? value : throw new CannotEvaluateException($"{name}() takes no argument.");

    private static string Text(object? value, string function) =>
        value as string ?? throw new CannotEvaluateException($"{function}() expects a string, not {PolicyValues.Show(value)}.");

    private static bool Bool(object? value, string function) =>
        value as bool? ?? throw new CannotEvaluateException($"{function}() expects a boolean, not {PolicyValues.Show(value)}.");

    private static int Integer(object? value, string function) =>
        value is long or int ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : throw new CannotEvaluateException($"{function}() expects an integer, not {PolicyValues.Show(value)}.");
}
