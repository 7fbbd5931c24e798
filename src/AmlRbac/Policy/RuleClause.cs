namespace AmlRbac.Policy;

/// <summary>
/// The part of a policy rule that decided a result: where it is in the rule ("if.allOf[1].anyOf[0]"), its JSON as
/// written, and what it evaluated to on this request (or why it could not be evaluated).
/// </summary>
public sealed record RuleClause(string Path, string Text, string Detail);
