using System.Globalization;
using System.Text;

namespace AmlRbac.Policy;

/// <summary>
/// Comparing and showing the plain values a rule works on (string, long, double, bool, null, lists and
/// case-insensitive dictionaries, as <see cref="Model.JsonValues"/> reads them).
/// </summary>
internal static class PolicyValues
{
    /// <summary>
    /// [RULE]: "String comparisons are made using InvariantCultureIgnoreCase"; "all other conditions that evaluate a
    /// stringValue are case-insensitive" (only match/notMatch are not).
    /// </summary>
    public static readonly StringComparer Text = StringComparer.InvariantCultureIgnoreCase;

    /// <summary>
    /// Equality as the conditions use it. Strings compare case-insensitively [RULE]. A boolean equals its text
    /// ("true"/"false", any case): the built-ins write both <c>"notEquals": true</c> and <c>"equals": "false"</c>
    /// against the same kind of property [POL] (inference). A number equals a string holding the same number
    /// (inference, same reason). Null equals only null (inference: [ARRAYS] says a missing field is null, no page says
    /// what it equals).
    /// </summary>
    public static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string a, string b) => Text.Equals(a, b),
        (bool a, bool b) => a == b,
        (bool a, string b) => Text.Equals(a ? "true" : "false", b),
        (string a, bool b) => Text.Equals(a, b ? "true" : "false"),
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count && a.Zip(b).All(p => AreEqual(p.First, p.Second)),
        (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && AreEqual(p.Value, other)),
        _ when TryNumber(left, out var a) && TryNumber(right, out var b) => a == b,
        _ => false,
    };

    /// <summary>A number, or a string holding one in invariant culture.</summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case long l:
                number = l;
                return true;
            case int i:
                number = i;
                return true;
            case double d:
                number = d;
                return true;
            case string s:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>A scalar as text (invariant numbers, lower-case booleans); null for lists, objects and null.</summary>
    public static string? ScalarText(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long or int or double => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    public static bool IsList(object? value, out IReadOnlyList<object?> items)
    {
        items = value as IReadOnlyList<object?> ?? Array.Empty<object?>();
        return value is IReadOnlyList<object?>;
    }

    /// <summary>Compact JSON-like text for messages: "text", 3, true, null, ["a", "b"], {"k": "v"}, "known beginning…".</summary>
    public static string Show(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                builder.Append('"').Append(s).Append('"');
                break;
            case KnownPrefix partial:
                builder.Append('"').Append(partial).Append('"');
                break;
            case IReadOnlyList<object?> list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    Append(builder, list[i]);
                }
                builder.Append(']');
                break;
            case IReadOnlyDictionary<string, object?> fields:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in fields)
                {
                    builder.Append(first ? "" : ", ").Append('"').Append(key).Append("\": ");
                    Append(builder, item);
                    first = false;
                }
                builder.Append('}');
                break;
            default:
                builder.Append(ScalarText(value));
                break;
        }
    }
}
