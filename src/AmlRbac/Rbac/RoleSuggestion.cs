namespace AmlRbac.Rbac;

/// <summary>
/// A built-in role that would grant the operation. Suggestions come narrowest first: roles measured whole by the
/// catalog before those that also grant operations of providers it does not list (<see cref="GrantsOutsideCatalog"/>),
/// then by <see cref="GrantedOperationCount"/> (catalog operations the role grants).
/// </summary>
public sealed record RoleSuggestion(string RoleDefinitionId, string RoleName, int GrantedOperationCount)
{
    /// <summary>True when the role also grants operations of providers the catalog does not list (or of every provider, by a wildcard).</summary>
    public bool GrantsOutsideCatalog { get; init; }
}
