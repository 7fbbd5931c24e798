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
    /// AmlRbac cannot tell from what it was given, and says so instead of passing a guess as Azure's answer. In RBAC: a
    /// role assignment that applies names a role definition the source does not hold, or is held by a group whose
    /// members the source does not hold, and it could make the answer stronger than what is known (which is not
    /// Allowed and no deny blocks it). In Azure Policy, for deploying a model: RBAC allows it, no policy
    /// assignment denies it, and an enforced assignment that could deny cannot be evaluated: its rule has a condition on a field the question does not give (such as the model's
    /// publisher) or one AmlRbac does not evaluate; its definition, initiative or parameter values are not in what was
    /// given; it has resourceSelectors or overrides; or it is assigned at (or excludes) a management group and the
    /// management-group hierarchy given does not place the workspace's subscription. Its reason names what could not
    /// be evaluated. An activity is Unknown too when one of its operations is checked on a related resource (a virtual
    /// network, a key vault...) the question does not name. (A grant under an ABAC condition is Conditional, not Unknown.)
    /// </summary>
    Unknown,
}
