namespace AmlRbac.WorkspaceIdentity;

/// <summary>The role a workspace's system-assigned identity should hold on its resource group.</summary>
public enum WorkspaceRole
{
    /// <summary>
    /// The narrower role Azure gives the identity of workspaces created after 2024-11-19, and of older ones
    /// once allowRoleAssignmentOnRG is set ([MLROLES] "Azure AI Administrator role"; [SPEC-WS]).
    /// </summary>
    AzureAIAdministrator,

    /// <summary>The legacy role of workspaces created before 2024-11-19: setting it again is the rollback.</summary>
    Contributor,
}
