using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// The condition operators of [RULE]: equals, notEquals, like, notLike, match, matchInsensitively, notMatch,
/// notMatchInsensitively, contains, notContains, in, notIn, containsKey, notContainsKey, less, lessOrEquals,
/// greater, greaterOrEquals (and exists, which looks at presence and is handled by <see cref="RuleEvaluator"/>).
/// Operator keys are matched case-insensitively: 12e5dd16 writes <c>notin</c> [POL] (inference).
/// Strings compare case-insensitively except in match/notMatch [RULE]. A missing field is null: equal to nothing,
/// in no list, like nothing, containing nothing (inference: [ARRAYS] says a missing field selects null; no page says
/// what each operator returns on null).
/// </summary>
internal static class ConditionOperators
{
    private static readonly string[] Names =
    {
        "equals", "notEquals", "like", "notLike", "match", "matchInsensitively", "notMatch", "notMatchInsensitively",
        "contains", "notContains", "in", "notIn", "containsKey", "notContainsKey",
        "less", "lessOrEquals", "greater", "greaterOrEquals", "exists",
    };

    /// <summary>The operator's documented spelling, or null when <paramref name="key"/> is no operator.</summary>
    public static string? Canonical(string key) => Names.FirstOrDefault(n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Applies <paramref name="op"/> (canonical, not exists) to a left value and the condition's value.</summary>
    public static bool Apply(string op, object? left, object? right) => left is KnownPrefix partial ? partial.Apply(op, right) : op switch
    {
        "equals" => PolicyValues.AreEqual(left, right),
        "notEquals" => !PolicyValues.AreEqual(left, right),
        "in" => List(right, op).Any(item => PolicyValues.AreEqual(left, item)),
        "notIn" => !List(right, op).Any(item => PolicyValues.AreEqual(left, item)),
        "like" => Like(left, right),
        "notLike" => !Like(left, right),
        "contains" => Contains(left, right),
        "notContains" => !Contains(left, right),
        "containsKey" => ContainsKey(left, right),
        "notContainsKey" => !ContainsKey(left, right),
        "match" => Match(left, right, ignoreCase: false),
        "notMatch" => !Match(left, right, ignoreCase: false),
        "matchInsensitively" => Match(left, right, ignoreCase: true),
        "notMatchInsensitively" => !Match(left, right, ignoreCase: true),
        "less" => Compare(left, right, op) < 0,
        "lessOrEquals" => Compare(left, right, op) <= 0,
        "greater" => Compare(left, right, op) > 0,
        "greaterOrEquals" => Compare(left, right, op) >= 0,
        _ => throw new CannotEvaluateException($"the operator '{op}' is not supported by AmlRbac."),
    };

    // [ARRAYS]: "The policy rule conditions that an array type of parameter may be used with is limited to in and notIn".
    internal static IReadOnlyList<object?> List(object? right, string op) =>
        PolicyValues.IsList(right, out var items) ? items : throw new CannotEvaluateException($"'{op}' needs an array, not {PolicyValues.Show(right)} {PublicSource.PolicyRule}.");

    /// <summary>
    /// A like pattern split at its '*' (End is null without one). [RULE] like: "you provide a wildcard character (*)
    /// in the value. The value shouldn't have more than one wildcard character."
    /// </summary>
    internal static (string Start, string? End) LikePattern(object? right)
    {
        var pattern = Scalar(right, "like");
        var star = pattern.IndexOf('*');
        if (star >= 0 && pattern.IndexOf('*', star + 1) >= 0)
        {
            throw new CannotEvaluateException($"the like pattern \"{pattern}\" has more than one '*', which Azure Policy rules out {PublicSource.PolicyRule}.");
        }
        return star < 0 ? (pattern, null) : (pattern[..star], pattern[(star + 1)..]);
    }

    /// <summary>The value of a contains condition. [RULE] contains: "the wildcard character (*) cannot be provided in the value".</summary>
    internal static string ContainsPart(object? right)
    {
        var part = Scalar(right, "contains");
        return part.Contains('*') ? throw new CannotEvaluateException($"the contains value \"{part}\" holds '*', which Azure Policy rules out {PublicSource.PolicyRule}.") : part;
    }

    private static bool Like(object? left, object? right)
    {
        var (start, end) = LikePattern(right);
        if (left is null)
        {
            return false;
        }
        var text = Scalar(left, "like");
        if (end is null)
        {
            return PolicyValues.Text.Equals(text, start);
        }
        return text.Length >= start.Length + end.Length
            && text.StartsWith(start, StringComparison.InvariantCultureIgnoreCase)
            && text.EndsWith(end, StringComparison.InvariantCultureIgnoreCase);
    }

    // [RULE] contains: a substring test.
    private static bool Contains(object? left, object? right)
    {
        var part = ContainsPart(right);
        return left switch
        {
            null => false,
            IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => throw new CannotEvaluateException($"'contains' on {PolicyValues.Show(left)} is not modelled by AmlRbac."),
            _ => Scalar(left, "contains").Contains(part, StringComparison.InvariantCultureIgnoreCase),
        };
    }

    private static bool ContainsKey(object? left, object? right) => left switch
    {
        null => false,
        IReadOnlyDictionary<string, object?> fields => fields.Keys.Any(k => PolicyValues.Text.Equals(k, Scalar(right, "containsKey"))),
        _ => throw new CannotEvaluateException($"'containsKey' needs an object, not {PolicyValues.Show(left)} {PublicSource.PolicyRule}."),
    };

    // [RULE] match: "# to match a digit, ? for a letter, and a dot (.) to match any character, and any other character
    // to match that actual character"; match/notMatch are case-sensitive, the *Insensitively forms are not.
    private static bool Match(object? left, object? right, bool ignoreCase)
    {
        var pattern = Scalar(right, "match");
        if (left is null)
        {
            return false;
        }
        var text = Scalar(left, "match");
        if (text.Length != pattern.Length)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var ok = pattern[i] switch
            {
                '#' => char.IsDigit(text[i]),
                '?' => char.IsLetter(text[i]),
                '.' => true,
                _ => ignoreCase ? char.ToUpperInvariant(text[i]) == char.ToUpperInvariant(pattern[i]) : text[i] == pattern[i],
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    // [RULE] less/greater...: date, string or int; "if the property type doesn't match the condition type, an error is thrown".
    private static int Compare(object? left, object? right, string op)
    {
        if (left is not string && right is not string && PolicyValues.TryNumber(left, out var a) && PolicyValues.TryNumber(right, out var b))
        {
            return a.CompareTo(b);
        }
        if (left is string x && right is string y)
        {
            return PolicyValues.Text.Compare(x, y);
        }
        throw new CannotEvaluateException($"'{op}' cannot compare {PolicyValues.Show(left)} with {PolicyValues.Show(right)}: the types differ, which Azure Policy makes an error {PublicSource.PolicyRule}.");
    }

    private static string Scalar(object? value, string op) =>
        PolicyValues.ScalarText(value) ?? throw new CannotEvaluateException($"'{op}' needs a string, not {PolicyValues.Show(value)}.");
}
