namespace AmlRbac.Catalog;

/// <summary>
/// A catalog operation an access report lists as privileged (Catalog/Data/privileged-operations.json): what it is,
/// why it reaches beyond the roles that grant it, and the public page that says so.
/// </summary>
public sealed record PrivilegedOperation
{
    /// <summary>The operation, spelled as the catalog spells it.</summary>
    public required string Operation { get; init; }
    public required PrivilegeKind Kind { get; init; }
    public required string Why { get; init; }
    public required string Source { get; init; }
}

/// <summary>Why an operation is privileged.</summary>
public enum PrivilegeKind
{
    /// <summary>It grants roles: the right to every other right.</summary>
    RoleAssignment,
    /// <summary>It returns keys or secrets that work without Azure RBAC.</summary>
    Secrets,
}
