namespace AmlRbac.Sources;

/// <summary>
/// The two shapes of Az's PSRoleDefinition ([AZPS-AUTH], [AZPS-PERMISSIONS]): before Az.Resources 10.0 the permissions are
/// the flat Actions / NotActions / DataActions / NotDataActions; from 10.0 (Az 16.0) they are a
/// Permissions list. Users have both, so New-AmlCustomRole writes either.
/// </summary>
public enum RoleShape
{
    /// <summary>Permissions[] (Az.Resources 10.0 and later, and the Azure CLI); the default.</summary>
    Permissions,
    /// <summary>Flat Actions / NotActions / DataActions / NotDataActions (Az.Resources before 10.0, and the Azure CLI).</summary>
    Flat,
}
