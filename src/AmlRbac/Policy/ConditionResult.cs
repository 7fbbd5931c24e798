namespace AmlRbac.Policy;

/// <summary>Three-valued truth: a condition holds, does not hold, or AmlRbac cannot tell.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}

/// <summary>The truth of a condition and the clause that decided it.</summary>
internal sealed record ConditionResult(Truth Truth, RuleClause Clause);
