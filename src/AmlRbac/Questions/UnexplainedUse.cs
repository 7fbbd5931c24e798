namespace AmlRbac.Questions;

/// <summary>
/// An operation a known principal performed that no role assignment of the snapshot grants it at that scope: the
/// snapshot is older or newer than the log, the access came another way (a classic administrator, an assignment
/// removed since), or the catalog does not know the operation.
/// </summary>
public sealed record UnexplainedUse(string Caller, string PrincipalId, string Operation, string Scope, int Records, string Why);
