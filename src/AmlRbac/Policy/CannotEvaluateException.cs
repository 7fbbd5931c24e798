namespace AmlRbac.Policy;

/// <summary>
/// Raised inside rule evaluation when a value cannot be told: an unsupported function or operator, a field the
/// request does not carry, a parameter without a value, or an expression Azure documents as an error. The condition
/// that raised it becomes Unknown with this reason; it never escapes the evaluator.
/// </summary>
internal sealed class CannotEvaluateException : Exception
{
    public CannotEvaluateException(string reason) : base(reason)
    {
    }
}
