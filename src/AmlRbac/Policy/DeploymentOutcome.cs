namespace AmlRbac.Policy;

/// <summary>
/// The net result for a deployment. "The net result of layering policy definitions is considered to be cumulative
/// most restrictive" [EFFECTS]: any enforced, non-exempt Deny blocks it.
/// </summary>
public enum DeploymentOutcome
{
    Allowed,
    Denied,

    /// <summary>No assignment denies, but one that could deny cannot be evaluated.</summary>
    Unknown,
}
