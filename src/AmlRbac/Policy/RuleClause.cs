namespace AmlRbac.Policy;

/// <summary>
/// The part of a policy rule that decided a result: where it is in the rule ("if.allOf[1].anyOf[0]"), its JSON as
/// written (compact), and what it evaluated to on this request (or why it could not be evaluated).
/// </summary>
public sealed record RuleClause(string Path, string Text, string Detail)
{
    /// <summary>How <see cref="Detail"/> begins when the clause could not be evaluated; the reason follows.</summary>
    public const string CannotEvaluatePrefix = "cannot be evaluated: ";

    // Long enough for a condition with a field alias and a short value; an allow-list of dozens of asset ids is cut.
    private const int ShownLength = 200;

    /// <summary><see cref="Text"/> for a sentence: whole up to 200 characters, otherwise its beginning and how much is left out.</summary>
    public string ShortText
    {
        get
        {
            if (Text.Length <= ShownLength)
            {
                return Text;
            }
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(Text[ShownLength - 1]) ? ShownLength - 1 : ShownLength;
            return $"{Text[..cut]}... ({Text.Length - cut} more characters)";
        }
    }

    /// <summary>Why the clause could not be evaluated: <see cref="Detail"/> without <see cref="CannotEvaluatePrefix"/>.</summary>
    public string UnevaluatedReason => Detail.StartsWith(CannotEvaluatePrefix, StringComparison.Ordinal) ? Detail[CannotEvaluatePrefix.Length..] : Detail;
}
