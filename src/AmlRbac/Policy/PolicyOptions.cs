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

    /// <summary>
    /// The built-in definition with this id (<c>/providers/Microsoft.Authorization/policyDefinitions/{guid}</c>), or null:
    /// assignments name built-ins by id, so a snapshot need not carry them. The rules load no data; the Questions
    /// layer gives the definitions AmlRbac ships (Sources' PolicyCatalog). Without them, an assignment of a built-in
    /// the state does not carry has no definition to judge.
    /// </summary>
    public Func<string, PolicyDefinition?> BuiltInDefinitions { get; init; } = _ => null;
}
