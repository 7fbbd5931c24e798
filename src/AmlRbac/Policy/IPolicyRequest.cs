namespace AmlRbac.Policy;

/// <summary>
/// What a policy rule can read about the request it judges: <c>type</c> and property aliases [RULE] "field". An alias
/// ending in <c>[*]</c> answers with the list of its members; the rule evaluator walks into members itself.
/// </summary>
internal interface IPolicyRequest
{
    FieldLookup Field(string name);
}
