using System.Globalization;
using System.Text.Json.Nodes;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// <see cref="IWorkspaceArm"/> over the live <see cref="ArmClient"/> (its pacing, retries on 429 and 5xx,
/// and errors). Workspaces are read and patched with <see cref="ArmRoutes.WorkspacesPreviewApiVersion"/>
/// (2025-01-01-preview): allowRoleAssignmentOnRG exists only in preview api-versions (2024-07-01-preview
/// in [MLROLES], 2025-01-01-preview in [SPEC-WS]), not in stable 2024-10-01 or 2025-09-01
/// ([SPEC-WS-STABLE]); a stable version would drop it silently.
/// Role assignments use stable 2022-04-01 ([SPEC-RA], [RAL]).
/// </summary>
public sealed class ArmWorkspaceGateway : IWorkspaceArm
{
    private readonly ArmClient _arm;

    public ArmWorkspaceGateway(ArmClient arm) => _arm = arm ?? throw new ArgumentNullException(nameof(arm));

    /// <summary>The PATCH body, exactly: the property spelled as in [SPEC-WS] (an older revision of [MLROLES] misspells it).</summary>
    public static JsonObject AllowRoleAssignmentBody() => new()
    {
        ["properties"] = new JsonObject { ["allowRoleAssignmentOnRG"] = true },
    };

    public async Task<WorkspaceState> GetWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var body = await _arm.GetAsync(workspace.Id, ArmRoutes.WorkspacesPreviewApiVersion, cancellationToken).ConfigureAwait(false);
        var item = LiveItems.Read(body, LiveItems.Origin(AzureApi.ResourceManager, $"GET {workspace.Id}"), "$");
        var read = WorkspaceShape.Read(item);
        return new WorkspaceState
        {
            IdentityType = read.IdentityType,
            PrincipalId = read.PrincipalId,
            AllowRoleAssignmentOnResourceGroup = read.AllowRoleAssignmentOnResourceGroup,
            // systemData.createdAt: ARM's common systemData of tracked resources (common-types resource
            // management types.json "systemData"), an ISO 8601 time.
            CreatedAt = item.Item("systemData")?.String("createdAt") is { } created
                && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        };
    }

    /// <summary>
    /// atScope() and assignedTo('{id}') on the resource group: the principal's assignments there and above
    /// ([RAL] role-assignments-list-rest.md), of which those naming the identity itself are kept (its
    /// groups' are not its own to convert).
    /// </summary>
    public async Task<IReadOnlyList<IdentityAssignment>> ListAssignmentsAsync(WorkspaceId workspace, string principalId, CancellationToken cancellationToken)
    {
        var path = ArmRoutes.RoleAssignments(Scope.Parse(workspace.ResourceGroup));
        var filter = $"{ArmRoutes.AtScope} and assignedTo('{principalId}')";
        var items = await _arm.ListAsync(path, ArmRoutes.AuthorizationApiVersion, filter, cancellationToken).ConfigureAwait(false);
        var origin = LiveItems.Origin(AzureApi.ResourceManager, $"GET {path}");
        return LiveItems.ReadAll(items, origin)
            .Select(item => RoleAssignmentShape.Read(item, isEligible: false))
            .Where(a => string.Equals(a.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase))
            .Select(a => new IdentityAssignment(a.Id, a.RoleDefinitionId, a.Scope))
            .ToList();
    }

    /// <summary>
    /// GET {scope}/providers/Microsoft.Authorization/permissions (stable 2022-04-01, [SPEC-RD]): at a resource
    /// group, Permissions_ListForResourceGroup ("Gets all permissions the caller has for a resource group"); at a
    /// workspace id, Permissions_ListForResource ("Permissions - List For
    /// Resource", {resource group}/providers/{namespace}/{type}/{name}/providers/Microsoft.Authorization/permissions),
    /// which also counts assignments on the resource itself. The effective Actions/NotActions blocks of the
    /// calling identity; a 403 means it may not read them.
    /// </summary>
    public async Task<IReadOnlyList<Permission>?> GetCallerPermissionsAsync(string scope, CancellationToken cancellationToken)
    {
        var path = scope + "/providers/Microsoft.Authorization/permissions";
        IReadOnlyList<System.Text.Json.JsonElement> items;
        try
        {
            items = await _arm.ListAsync(path, ArmRoutes.AuthorizationApiVersion, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AmlRbacException e) when (e.ErrorId == ErrorIds.ArmForbidden)
        {
            return null;
        }
        return LiveItems.ReadAll(items, LiveItems.Origin(AzureApi.ResourceManager, $"GET {path}")).Select(PermissionShape.Read).ToList();
    }

    public Task AllowRoleAssignmentOnResourceGroupAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        _arm.PatchAsync(workspace.Id, ArmRoutes.WorkspacesPreviewApiVersion, AllowRoleAssignmentBody(), cancellationToken);

    /// <summary>
    /// PUT {resource group}/providers/Microsoft.Authorization/roleAssignments/{new GUID} (RoleAssignments_Create,
    /// stable 2022-04-01: the name is a GUID the caller picks) with roleDefinitionId in its subscription form
    /// and principalType ServicePrincipal, which a managed identity is in ARM.
    /// </summary>
    public Task CreateAssignmentAsync(WorkspaceId workspace, string principalId, string roleDefinitionId, CancellationToken cancellationToken)
    {
        var path = ArmRoutes.RoleAssignment(Scope.Parse(workspace.ResourceGroup), Guid.NewGuid().ToString("D"));
        var body = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["roleDefinitionId"] = $"/subscriptions/{workspace.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}",
                ["principalId"] = principalId,
                ["principalType"] = "ServicePrincipal",
            },
        };
        return _arm.PutAsync(path, ArmRoutes.AuthorizationApiVersion, body, cancellationToken);
    }

    public Task DeleteAssignmentAsync(string assignmentId, CancellationToken cancellationToken) =>
        _arm.DeleteAsync(assignmentId, ArmRoutes.AuthorizationApiVersion, cancellationToken);
}
