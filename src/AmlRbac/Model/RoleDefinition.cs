namespace AmlRbac.Model;

/// <summary>
/// A role definition, built-in or custom. <see cref="Id"/> is the role's GUID in lower-case "D" form:
/// Azure matches roles by GUID, whatever scope prefix the resource id carries, and a renamed role keeps
/// its GUID ([CR] custom-roles.md: "Even if a role is renamed, the role ID does not change").
/// </summary>
public sealed record RoleDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool IsCustom { get; init; }
    public IReadOnlyList<Permission> Permissions { get; init; } = Array.Empty<Permission>();
    public IReadOnlyList<string> AssignableScopes { get; init; } = Array.Empty<string>();

    /// <summary>Where the definition came from (a documentation page, a snapshot file, ARM).</summary>
    public string? Source { get; init; }
}
