namespace AmlRbac.Policy;

/// <summary>
/// A field value of which only the beginning is known: the asset id of a deployment that names a registry model by
/// label (<c>Label</c>). The id the policy sees is either the label id or the resolved version's id,
/// both starting with <c>azureml://registries/{registry}/models/{name}/</c>, and which one is not documented ([MLREG]
/// and [FOUNDRY] give versioned ids only). A condition is decided when every completion of the beginning gives the same answer; otherwise it is Unknown
/// (<see cref="CannotEvaluateException"/>). Comparisons ignore case as [RULE] says for all but match/notMatch.
/// </summary>
internal sealed record KnownPrefix(string Prefix, string AsGiven)
{
    /// <summary>The condition <paramref name="op"/> (canonical, not exists) with this value on the left.</summary>
    public bool Apply(string op, object? right) => op switch
    {
        "equals" => Equal(right),
        "notEquals" => !Equal(right),
        "in" => ConditionOperators.List(right, op).Any(Equal),
        "notIn" => !ConditionOperators.List(right, op).Any(Equal),
        "like" => Like(ConditionOperators.LikePattern(right)),
        "notLike" => !Like(ConditionOperators.LikePattern(right)),
        "contains" => Contains(ConditionOperators.ContainsPart(right)),
        "notContains" => !Contains(ConditionOperators.ContainsPart(right)),
        _ => throw Undecided($"'{op}' needs the whole id"),
    };

    // A text that does not start with the beginning differs from every completion of it; one that does may be equal.
    // Since no text is certainly equal, `in` is false unless some entry may be equal, which leaves it Unknown.
    private bool Equal(object? candidate) =>
        candidate is string text && StartsWith(text, Prefix) ? throw Undecided($"it may or may not be \"{text}\"") : false;

    // [RULE] like: one '*' at most. "start*end" holds for every completion when "start" is within the known beginning
    // and "end" is empty; it holds for none when "start" and the beginning disagree.
    private bool Like((string Start, string? End) pattern)
    {
        if (pattern.End is null)
        {
            return Equal(pattern.Start);
        }
        var shared = Math.Min(pattern.Start.Length, Prefix.Length);
        if (!PolicyValues.Text.Equals(Prefix[..shared], pattern.Start[..shared]))
        {
            return false;
        }
        return pattern.Start.Length <= Prefix.Length && pattern.End.Length == 0
            ? true
            : throw Undecided($"whether it is like \"{pattern.Start}*{pattern.End}\" depends on the rest of the id");
    }

    // Text inside the known beginning is in every completion; any other text may or may not be in the rest.
    private bool Contains(string part) =>
        Prefix.Contains(part, StringComparison.InvariantCultureIgnoreCase)
            ? true
            : throw Undecided($"whether it contains \"{part}\" depends on the rest of the id");

    private CannotEvaluateException Undecided(string why) =>
        new($"the asset id {AsGiven} names a label, so only its beginning \"{Prefix}\" is known (which id the policy sees is not documented: https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments): {why}; give the version to decide.");

    private static bool StartsWith(string text, string start) => text.StartsWith(start, StringComparison.InvariantCultureIgnoreCase);

    public override string ToString() => Prefix + "…";
}
