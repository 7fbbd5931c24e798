using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// The ARM calls the conversion makes, and nothing else: the engine decides, this only reads and writes.
/// The live implementation is <see cref="ArmWorkspaceGateway"/>; failures are
/// <see cref="Model.AmlRbacException"/>s with the live source's Arm* ids, which the engine turns into a
/// per-workspace Workspace* id.
/// </summary>
public interface IWorkspaceArm
{
    /// <summary>GET the workspace: its identity and whether allowRoleAssignmentOnRG is already set.</summary>
    Task<WorkspaceState> GetWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    /// <summary>The role assignments of <paramref name="principalId"/> itself at the resource group or above.</summary>
    Task<IReadOnlyList<IdentityAssignment>> ListAssignmentsAsync(WorkspaceId workspace, string principalId, CancellationToken cancellationToken);

    /// <summary>
    /// The caller's own permission blocks at <paramref name="scope"/> (the workspace's id or its resource
    /// group; ARM's Permissions API), or null when ARM does not let the caller read them (the writes then
    /// find out for themselves).
    /// </summary>
    Task<IReadOnlyList<Model.Permission>?> GetCallerPermissionsAsync(string scope, CancellationToken cancellationToken);

    /// <summary>PATCH the workspace with exactly {"properties":{"allowRoleAssignmentOnRG":true}}.</summary>
    Task AllowRoleAssignmentOnResourceGroupAsync(WorkspaceId workspace, CancellationToken cancellationToken);

    /// <summary>PUT a new role assignment of <paramref name="roleDefinitionId"/> (a GUID) to the identity on the workspace's resource group.</summary>
    Task CreateAssignmentAsync(WorkspaceId workspace, string principalId, string roleDefinitionId, CancellationToken cancellationToken);

    /// <summary>DELETE one role assignment by its id.</summary>
    Task DeleteAssignmentAsync(string assignmentId, CancellationToken cancellationToken);
}

/// <summary>What the conversion needs to know of a workspace (workspaceRP.json 2025-01-01-preview).</summary>
public sealed record WorkspaceState
{
    /// <summary>identity.type: None, SystemAssigned, UserAssigned or "SystemAssigned,UserAssigned"; null when absent.</summary>
    public string? IdentityType { get; init; }

    /// <summary>identity.principalId: the system-assigned identity's object id.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>properties.allowRoleAssignmentOnRG; null when the workspace does not say.</summary>
    public bool? AllowRoleAssignmentOnResourceGroup { get; init; }

    /// <summary>systemData.createdAt: workspaces created before 2024-11-19 got Contributor.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>One role assignment of the identity: its id, its role (GUID) and its scope.</summary>
public sealed record IdentityAssignment(string Id, string RoleDefinitionId, string Scope);
