namespace AmlRbac.Model;

/// <summary>
/// Principal types of role assignments (ARM enum User | Group | ServicePrincipal | ForeignGroup, plus
/// Device as the RBAC spec's principalType allows). Managed identities are ServicePrincipal in ARM.
/// </summary>
public enum PrincipalType
{
    Unknown,
    User,
    Group,
    ServicePrincipal,
    ForeignGroup,
    Device,
}
