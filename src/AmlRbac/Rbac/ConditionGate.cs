using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// Which operations an ABAC condition restricts. Azure writes conditions as AND-ed clauses of the form
/// "((!(ActionMatches{'op'})) OR (expression))": an action the ActionMatches gate does not select
/// passes that clause, so a condition restricts only the actions it names ([CO] conditions-overview.md,
/// [CF] conditions-format.md). ActionMatches "is equivalent to the action
/// matching logic that the SDK uses when comparing an action to an action pattern inside a Permission"
/// [CF], so it reuses <see cref="ActionPattern"/>.
/// A clause that names no ActionMatches restricts every action (read conservatively: the offline
/// evaluator cannot decide it, so the grant becomes Conditional rather than Allowed).
/// </summary>
public sealed class ConditionGate
{
    private readonly List<ActionPattern[]?> _clauses; // null entry: a clause with no action gate

    public ConditionGate(string condition)
    {
        Text = condition;
        _clauses = SplitTopLevelAnd(condition).Select(ParseGate).ToList();
    }

    public string Text { get; }

    /// <summary>True when the condition may deny <paramref name="operation"/> and so cannot be decided offline.</summary>
    public bool Restricts(string operation) =>
        _clauses.Any(gate => gate is null || gate.Any(p => p.Matches(operation)));

    private static ActionPattern[]? ParseGate(string clause)
    {
        const string Marker = "ActionMatches{'";
        var patterns = new List<ActionPattern>();
        var at = 0;
        while ((at = clause.IndexOf(Marker, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            // "SubOperationMatches{" contains "OperationMatches{" but not "ActionMatches{"; no clash.
            var start = at + Marker.Length;
            var end = clause.IndexOf("'}", start, StringComparison.Ordinal);
            if (end < 0)
            {
                return null;
            }
            patterns.Add(new ActionPattern(clause[start..end]));
            at = end;
        }
        return patterns.Count == 0 ? null : patterns.ToArray();
    }

    // Splits "A AND B AND C" at parenthesis depth 0, after removing parentheses that wrap the whole text.
    private static List<string> SplitTopLevelAnd(string text)
    {
        var body = Unwrap(text.Trim());
        var clauses = new List<string>();
        var depth = 0;
        var inQuote = false;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '(')
            {
                depth++;
            }
            else if (!inQuote && c == ')')
            {
                depth--;
            }
            else if (!inQuote && depth == 0 && IsWord(body, i, "AND"))
            {
                clauses.Add(body[start..i].Trim());
                start = i + 3;
                i += 2;
            }
        }
        clauses.Add(body[start..].Trim());
        return clauses.Where(c => c.Length > 0).ToList();
    }

    private static bool IsWord(string text, int at, string word) =>
        string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (at == 0 || char.IsWhiteSpace(text[at - 1]) || text[at - 1] == ')')
        && (at + word.Length == text.Length || char.IsWhiteSpace(text[at + word.Length]) || text[at + word.Length] == '(');

    private static string Unwrap(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && ClosingParen(text, 0) == text.Length - 1)
        {
            text = text[1..^1].Trim();
        }
        return text;
    }

    private static int ClosingParen(string text, int open)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && text[i] == '(')
            {
                depth++;
            }
            else if (!inQuote && text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}
