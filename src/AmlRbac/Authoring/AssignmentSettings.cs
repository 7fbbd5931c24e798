using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>The assignment-level choices of an authored assignment [ASSIGN].</summary>
public sealed record AssignmentSettings
{
    public static AssignmentSettings Default { get; } = new();

    /// <summary>The assignment's name (the last segment of its id); null picks one for the policy.</summary>
    public string? Name { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>Must be one of the definition's allowedValues, compared case-sensitively as Azure does [PARAMS].</summary>
    public string Effect { get; init; } = "Deny";

    public IReadOnlyList<Scope> NotScopes { get; init; } = Array.Empty<Scope>();
    public EnforcementMode EnforcementMode { get; init; } = EnforcementMode.Default;
}
