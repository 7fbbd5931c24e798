
namespace AmlRbac.Model;

/// <summary>
/// A policy assignment (<c>Microsoft.Authorization/policyAssignments</c>) [SPEC-PA]: which definition or set is
/// assigned, at which scope, with which parameter values, minus the <c>notScopes</c>, and whether it is enforced.
/// </summary>
public sealed record PolicyAssignment
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>"Assignments at a scope apply to all resources at that scope and below" [BASICS].</summary>
    public required Scope Scope { get; init; }

    /// <summary>"Resources within these scopes aren't evaluated or included in the compliance count" [SCOPE].</summary>
    public IReadOnlyList<Scope> NotScopes { get; init; } = Array.Empty<Scope>();

    /// <summary>The id of a policy definition or of a policy set definition.</summary>
    public required string PolicyDefinitionId { get; init; }

    /// <summary>Parameter name to value (the <c>value</c> of each <c>{"value": ...}</c> [ASSIGN]).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } =
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public EnforcementMode EnforcementMode { get; init; } = EnforcementMode.Default;

    /// <summary>
    /// True when the assignment narrows itself with <c>resourceSelectors</c> or changes effects with
    /// <c>overrides</c> [ASSIGN]. AmlRbac does not model either, so such an assignment is reported Unknown.
    /// </summary>
    public bool HasSelectorsOrOverrides { get; init; }

    /// <summary>True when <see cref="PolicyDefinitionId"/> names a policy set definition (initiative).</summary>
    public bool IsSetAssignment =>
        PolicyDefinitionId.Contains("/providers/Microsoft.Authorization/policySetDefinitions/", StringComparison.OrdinalIgnoreCase);
}
