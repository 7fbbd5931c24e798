using AmlRbac.Model;

namespace AmlRbac.Posture;

/// <summary>
/// What the posture rules read about one workspace: the workspace as ARM returns it, the tenant's resource inventory
/// (its computes, connections, diagnostic settings, DNS zone groups) and role assignments (the identity's role on
/// its resource group), and the ids of the two roles that identity can hold (from the catalog).
/// </summary>
public sealed record WorkspaceFacts
{
    public required ArmResource Workspace { get; init; }
    public required ResourceInventory Resources { get; init; }
    public required IReadOnlyList<RoleAssignment> RoleAssignments { get; init; }

    /// <summary>The Azure AI Administrator role's id (Catalog builtin-roles.json).</summary>
    public required string AzureAIAdministratorRoleId { get; init; }

    /// <summary>The Contributor role's id (Catalog builtin-roles.json).</summary>
    public required string ContributorRoleId { get; init; }
}
