namespace AmlRbac.Model;

/// <summary>The answer to "may this principal perform this operation at this scope".</summary>
public enum Outcome
{
    /// <summary>An active, unconditional assignment grants it and no deny assignment blocks it.</summary>
    Allowed,
    /// <summary>No assignment grants it: Azure's implicit deny.</summary>
    NotGranted,
    /// <summary>A deny assignment blocks it, whatever the role assignments grant.</summary>
    Denied,
    /// <summary>Granted only by an assignment (or permission block) whose ABAC condition needs request attributes to decide.</summary>
    Conditional,
    /// <summary>Granted only through a PIM eligible assignment that is not activated.</summary>
    Eligible,
    /// <summary>
    /// Only for a model deployment (RBAC and Azure Policy together): RBAC allows it, no policy assignment denies it,
    /// but one that could deny cannot be evaluated (its reason names the clause). Never a silent pass.
    /// </summary>
    Unknown,
}
