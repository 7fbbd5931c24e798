using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// Who and where a question is about: a principal at a scope, a role alone (by definition or by name,
/// no scope), or only a scope (who can act there). Hosts build one per principal, role or scope the
/// user gives or pipes; the questions answer each in turn.
/// </summary>
public sealed record Subject
{
    private Subject()
    {
    }

    /// <summary>An object id, user principal name, app id or display name, as the user gave it.</summary>
    public string? Principal { get; private init; }
    public string? Scope { get; private init; }
    public RoleDefinition? Role { get; private init; }
    public string? RoleName { get; private init; }

    /// <summary>A role asked about alone: it needs no tenant to be answered.</summary>
    public bool IsRoleAlone => Role is not null || RoleName is not null;

    public static Subject PrincipalAt(string principal, string scope) => new() { Principal = principal, Scope = scope };

    public static Subject At(string scope) => new() { Scope = scope };

    public static Subject ForRole(RoleDefinition role) => new() { Role = role };

    public static Subject ForRoleName(string roleName) => new() { RoleName = roleName };

    /// <summary>
    /// A role given as an object (Get-AzRoleDefinition or New-AmlCustomRole output, or the same shape
    /// read from JSON): its properties by name. Throws RoleDefinitionInvalid when they describe no role
    /// definition, and InputObjectInvalid when they describe nothing AmlRbac reads.
    /// </summary>
    public static Subject ForRoleObject(IReadOnlyDictionary<string, object?> properties, string description) =>
        AzObjectReader.Read(properties, description) is RoleDefinition role
            ? ForRole(role)
            : throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument,
                $"{description} is not a role definition (it has no Actions, DataActions or Permissions); give Get-AzRoleDefinition or New-AmlCustomRole output.", description);
}
