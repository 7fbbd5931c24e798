namespace AmlRbac.Sources.Live;

/// <summary>
/// An Azure ML workspace as ARM lists it (workspaceRP.json, [SPEC-WS] [SPEC-WS-STABLE]): its id, the
/// identities it acts as, and whether its identity gets its role on the resource group
/// (allowRoleAssignmentOnRG; null when ARM did not say, as stable versions never do).
/// </summary>
public sealed record Workspace
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Location { get; init; }

    /// <summary>identity.type: None, SystemAssigned, UserAssigned or "SystemAssigned,UserAssigned".</summary>
    public string? IdentityType { get; init; }

    /// <summary>The system-assigned identity's object id (identity.principalId).</summary>
    public string? PrincipalId { get; init; }

    /// <summary>The object ids of the user-assigned identities (identity.userAssignedIdentities[*].principalId).</summary>
    public IReadOnlyList<string> UserAssignedPrincipalIds { get; init; } = Array.Empty<string>();

    /// <summary>properties.allowRoleAssignmentOnRG.</summary>
    public bool? AllowRoleAssignmentOnResourceGroup { get; init; }
}
