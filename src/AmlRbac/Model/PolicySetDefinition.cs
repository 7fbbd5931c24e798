namespace AmlRbac.Model;

/// <summary>
/// A policy set definition (initiative, <c>Microsoft.Authorization/policySetDefinitions</c>) [SPEC-PSD]: its own
/// parameters and its members. An assignment of a set is evaluated member by member.
/// </summary>
public sealed record PolicySetDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? DisplayName { get; init; }

    public IReadOnlyDictionary<string, PolicyParameterDefinition> Parameters { get; init; } =
        new Dictionary<string, PolicyParameterDefinition>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PolicySetMember> Members { get; init; } = Array.Empty<PolicySetMember>();
}
