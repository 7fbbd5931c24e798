namespace AmlRbac.Model;

/// <summary>
/// The Azure Policy objects read from one source: custom (and any exported built-in) definitions, set definitions,
/// assignments and exemptions. Built-in definitions missing here come from <c>Default</c>.
/// </summary>
public sealed record PolicyState
{
    public static PolicyState Empty { get; } = new();

    public IReadOnlyList<PolicyDefinition> Definitions { get; init; } = Array.Empty<PolicyDefinition>();
    public IReadOnlyList<PolicySetDefinition> SetDefinitions { get; init; } = Array.Empty<PolicySetDefinition>();
    public IReadOnlyList<PolicyAssignment> Assignments { get; init; } = Array.Empty<PolicyAssignment>();
    public IReadOnlyList<PolicyExemption> Exemptions { get; init; } = Array.Empty<PolicyExemption>();

    /// <summary>Where the state was read from, for messages.</summary>
    public string? Source { get; init; }
}
