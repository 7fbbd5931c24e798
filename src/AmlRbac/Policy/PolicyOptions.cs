using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>Choices for <see cref="PolicyEvaluator"/>.</summary>
public sealed record PolicyOptions
{
    public static PolicyOptions Default { get; } = new();

    /// <summary>See <see cref="Policy.ExemptionHandling"/> for the source conflict this resolves.</summary>
    public ExemptionHandling ExemptionHandling { get; init; } = ExemptionHandling.Documented;

    /// <summary>The clock that decides whether an exemption has expired ("no longer honored" after <c>expiresOn</c> [EXEMPT]).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The management-group hierarchy (the tenant's <see cref="Tenant.ManagementGroups"/>). A workspace id does not name
    /// its management groups, so without it an assignment at a management group is Unknown, not guessed.
    /// </summary>
    public IReadOnlyList<ManagementGroup> ManagementGroups { get; init; } = Array.Empty<ManagementGroup>();
}
