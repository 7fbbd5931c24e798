using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AmlRbac.Model;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.ArmEmulator;

public sealed partial class ArmEmulator
{
    /// <summary>How this emulator behaves after a workspace PATCH, and the PATCHes it applied.</summary>
    public WorkspaceWrites WorkspaceWrites => WorkspaceWrites.Of(Store);

    static partial void AddRoutes(RouteTable routes) => WorkspaceWriteRoutes.Register(routes);
}

/// <summary>When Azure grants Azure AI Administrator to a workspace's identity after allowRoleAssignmentOnRG is set.</summary>
public enum GrantTiming
{
    /// <summary>At once, while answering the PATCH.</summary>
    Immediately,
    /// <summary>When the test calls <see cref="WorkspaceWrites.ReleaseGrants"/>: Azure's background assignment, lagging the PATCH.</summary>
    Held,
    /// <summary>Never (a grant that does not come within the caller's timeout).</summary>
    Never,
}

/// <summary>A PATCH of a workspace that the emulator applied: which one, with which api-version, and the body as sent.</summary>
public sealed record WorkspacePatch(string WorkspaceId, string ApiVersion, string Body);

/// <summary>The write side of one emulator: grant timing, grants held back, PATCHes applied. Thread-safe.</summary>
public sealed class WorkspaceWrites
{
    private static readonly ConditionalWeakTable<EmulatorStore, WorkspaceWrites> ByStore = new();

    private readonly object _gate = new();
    private readonly List<(string ResourceGroup, string PrincipalId)> _held = new();
    private readonly List<WorkspacePatch> _patches = new();
    private EmulatorStore _store = null!;

    public GrantTiming Grant { get; set; } = GrantTiming.Immediately;

    /// <summary>
    /// What the Permissions API answers for the caller at every scope (as if assigned at the subscription):
    /// one block per entry, as { actions, notActions }; null answers 403 (a caller who may not read its
    /// permissions). Owner's by default.
    /// </summary>
    public IReadOnlyList<(string[] Actions, string[] NotActions)>? CallerPermissions { get; set; } = new[] { (new[] { "*" }, Array.Empty<string>()) };

    /// <summary>
    /// Further blocks the caller holds from assignments at a scope (a resource group, a workspace id): the
    /// Permissions API answers them at that scope and below, not above, as ARM counts inherited assignments.
    /// </summary>
    public ConcurrentDictionary<string, IReadOnlyList<(string[] Actions, string[] NotActions)>> CallerPermissionsAt { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<WorkspacePatch> Patches
    {
        get
        {
            lock (_gate)
            {
                return _patches.ToList();
            }
        }
    }

    /// <summary>Makes the grants held so far (<see cref="GrantTiming.Held"/>), as Azure's background job would.</summary>
    public void ReleaseGrants()
    {
        List<(string, string)> held;
        lock (_gate)
        {
            held = _held.ToList();
            _held.Clear();
        }
        foreach (var (group, principal) in held)
        {
            WorkspaceWriteRoutes.AddAssignment(_store, group, WorkspaceWriteRoutes.AzureAIAdministrator, principal);
        }
    }

    internal static WorkspaceWrites Of(EmulatorStore store) => ByStore.GetValue(store, s => new WorkspaceWrites { _store = s });

    internal void Patched(WorkspacePatch patch)
    {
        lock (_gate)
        {
            _patches.Add(patch);
        }
    }

    internal void Hold(string resourceGroup, string principalId)
    {
        lock (_gate)
        {
            _held.Add((resourceGroup, principalId));
        }
    }
}

/// <summary>
/// The ARM writes of the workspace identity conversion:
/// <list type="bullet">
/// <item>PATCH a workspace (workspaceRP.json Workspaces_Update, body WorkspaceUpdateParameters). Only
/// allowRoleAssignmentOnRG is applied, and only on the preview api-versions that define it
/// (2024-07-01-preview, 2025-01-01-preview; [MLROLES], [SPEC-WS]): on stable ones it is not part of the contract
/// and is left out, as ARM drops properties a version does not define. Setting it on a workspace with a
/// system-assigned identity makes "Azure" assign Azure AI Administrator to that identity on the resource
/// group ([MLROLES]), at once or later (<see cref="GrantTiming"/>).</item>
/// <item>GET {resource group}/providers/Microsoft.Authorization/permissions (Permissions_ListForResourceGroup) and
/// {workspace}/providers/Microsoft.Authorization/permissions (Permissions_ListForResource), stable 2022-04-01
/// ([SPEC-RD]): the caller's permission blocks at that scope, set by the test
/// (<see cref="WorkspaceWrites.CallerPermissions"/>, <see cref="WorkspaceWrites.CallerPermissionsAt"/>).</item>
/// <item>PUT and DELETE {scope}/providers/Microsoft.Authorization/roleAssignments/{name} (stable 2022-04-01
/// RoleAssignments_Create / _Delete): the name must be a GUID; a second assignment of the same role to the
/// same principal at the same scope is 409 RoleAssignmentExists; DELETE answers the deleted assignment, or
/// 204 when there was none.</item>
/// </list>
/// </summary>
internal static class WorkspaceWriteRoutes
{
    public const string AzureAIAdministrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94";

    private static readonly string[] PreviewVersions = { "2024-07-01-preview", "2025-01-01-preview" };
    private static readonly string[] WorkspaceVersions = { "2024-07-01-preview", "2024-10-01", "2025-01-01-preview", "2025-09-01" };
    private static readonly string[] AuthorizationVersions = { "2022-04-01" };

    private const string WorkspacePattern = "(?<workspace>(?<group>/subscriptions/[^/]+/resourceGroups/[^/]+)/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+)";
    private const string AssignmentPattern = "/providers/Microsoft\\.Authorization/roleAssignments/(?<name>[^/]+)";

    public static void Register(RouteTable routes)
    {
        routes.Add("PATCH", WorkspacePattern, WorkspaceVersions, PatchWorkspace);
        routes.Add("GET", "(?<at>/subscriptions/[^/]+/resourceGroups/[^/]+)/providers/Microsoft\\.Authorization/permissions", AuthorizationVersions, CallerPermissions);
        routes.Add("GET", "(?<at>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+)/providers/Microsoft\\.Authorization/permissions", AuthorizationVersions, CallerPermissions);
        routes.Add("PUT", RouteTable.ScopePattern + AssignmentPattern, AuthorizationVersions, PutAssignment);
        routes.Add("DELETE", RouteTable.ScopePattern + AssignmentPattern, AuthorizationVersions, DeleteAssignment);
    }

    /// <summary>Adds an assignment in ARM's shape unless the principal already holds the role there.</summary>
    public static JsonObject? AddAssignment(EmulatorStore store, string scope, string roleDefinitionGuid, string principalId, string? name = null)
    {
        JsonObject? added = null;
        store.Write(s =>
        {
            if (Find(s, scope, roleDefinitionGuid, principalId) is not null)
            {
                return;
            }
            var guid = name ?? Guid.NewGuid().ToString("D");
            var subscription = Scope.Parse(scope).SubscriptionId;
            added = new JsonObject
            {
                ["id"] = $"{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}",
                ["name"] = guid,
                ["type"] = "Microsoft.Authorization/roleAssignments",
                ["properties"] = new JsonObject
                {
                    ["scope"] = scope,
                    ["roleDefinitionId"] = $"/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionGuid}",
                    ["principalId"] = principalId,
                    ["principalType"] = "ServicePrincipal",
                    ["createdOn"] = DateTimeOffset.UtcNow.ToString("O"),
                },
            };
            s.RoleAssignments.Add(added);
        });
        return added?.DeepClone().AsObject();
    }

    private static EmulatorResult PatchWorkspace(EmulatorRequest request)
    {
        var id = request.Capture("workspace");
        var version = request.Parameter("api-version")!;
        if (request.Body is not JsonObject body)
        {
            return EmulatorResult.Error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
        }
        var applies = PreviewVersions.Contains(version) && body["properties"]?["allowRoleAssignmentOnRG"] is JsonValue value && value.TryGetValue<bool>(out _);
        var allow = applies && body["properties"]!["allowRoleAssignmentOnRG"]!.GetValue<bool>();
        JsonObject? answer = null;
        string? principal = null;
        request.Store.Write(s =>
        {
            if (!s.Workspaces.TryGetValue(id, out var workspace))
            {
                return;
            }
            if (applies)
            {
                workspace["properties"]!["allowRoleAssignmentOnRG"] = allow;
            }
            var identity = workspace["identity"];
            var type = identity?["type"]?.GetValue<string>() ?? "None";
            principal = type.Contains("SystemAssigned", StringComparison.OrdinalIgnoreCase) ? identity?["principalId"]?.GetValue<string>() : null;
            answer = workspace.DeepClone().AsObject();
        });
        if (answer is null)
        {
            return EmulatorResult.Error(404, "ResourceNotFound",
                $"The Resource 'Microsoft.MachineLearningServices/workspaces/{id[(id.LastIndexOf('/') + 1)..]}' under resource group '{request.Capture("group")}' was not found.");
        }
        var writes = WorkspaceWrites.Of(request.Store);
        writes.Patched(new WorkspacePatch(id, version, request.Body.ToJsonString()));
        if (allow && principal is not null)
        {
            var group = request.Capture("group");
            switch (writes.Grant)
            {
                case GrantTiming.Immediately:
                    AddAssignment(request.Store, group, AzureAIAdministrator, ObjectIds.NormalizePrincipal(principal));
                    break;
                case GrantTiming.Held:
                    writes.Hold(group, ObjectIds.NormalizePrincipal(principal));
                    break;
            }
        }
        return EmulatorResult.Ok(answer);
    }

    // Permissions_ListForResourceGroup / _ListForResource: { value: [ { actions, notActions, dataActions, notDataActions } ], nextLink }.
    private static EmulatorResult CallerPermissions(EmulatorRequest request)
    {
        var writes = WorkspaceWrites.Of(request.Store);
        if (writes.CallerPermissions is null)
        {
            return EmulatorResult.Error(403, "AuthorizationFailed",
                "The client does not have authorization to perform action 'Microsoft.Authorization/permissions/read' or the scope is invalid.");
        }
        var at = request.Capture("at");
        var blocks = writes.CallerPermissions.Concat(writes.CallerPermissionsAt
            .Where(entry => Scope.IsAtOrAbove(entry.Key, at))
            .SelectMany(entry => entry.Value));
        return Paging.Arm(request, blocks.Select(b => (JsonNode)new JsonObject
        {
            ["actions"] = new JsonArray(b.Actions.Select(a => (JsonNode?)a).ToArray()),
            ["notActions"] = new JsonArray(b.NotActions.Select(a => (JsonNode?)a).ToArray()),
            ["dataActions"] = new JsonArray(),
            ["notDataActions"] = new JsonArray(),
        }));
    }

    private static EmulatorResult PutAssignment(EmulatorRequest request)
    {
        var name = request.Capture("name");
        if (!Guid.TryParse(name, out _))
        {
            return EmulatorResult.Error(400, "InvalidRoleAssignmentId", $"The role assignment ID '{name}' is not valid. The role assignment ID must be a GUID.");
        }
        var properties = request.Body?["properties"];
        var roleDefinitionId = properties?["roleDefinitionId"]?.GetValue<string>();
        var principalId = properties?["principalId"]?.GetValue<string>();
        if (roleDefinitionId is null || principalId is null)
        {
            return EmulatorResult.Error(400, "InvalidRequestContent", "properties.roleDefinitionId and properties.principalId are required.");
        }
        var scope = request.Capture("scope");
        var role = ObjectIds.NormalizeRoleDefinition(roleDefinitionId);
        var principal = ObjectIds.NormalizePrincipal(principalId);
        if (request.Store.Read(s => Find(s, scope, role, principal)) is not null)
        {
            return EmulatorResult.Error(409, "RoleAssignmentExists", "The role assignment already exists.");
        }
        var added = AddAssignment(request.Store, scope, role, principal, name)!;
        return new EmulatorResult(201, added);
    }

    private static EmulatorResult DeleteAssignment(EmulatorRequest request)
    {
        var id = request.Path;
        JsonObject? removed = null;
        request.Store.Write(s =>
        {
            removed = s.RoleAssignments.FirstOrDefault(a => string.Equals(a["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));
            if (removed is not null)
            {
                s.RoleAssignments.Remove(removed);
            }
        });
        return removed is null ? new EmulatorResult(204, null) : EmulatorResult.Ok(removed);
    }

    private static JsonObject? Find(EmulatorStore store, string scope, string roleDefinitionGuid, string principalId) =>
        store.RoleAssignments.FirstOrDefault(a =>
        {
            var properties = a["properties"]!;
            return string.Equals(properties["scope"]?.GetValue<string>(), scope, StringComparison.OrdinalIgnoreCase)
                && string.Equals(ObjectIds.NormalizeRoleDefinition(properties["roleDefinitionId"]!.GetValue<string>()), roleDefinitionGuid, StringComparison.OrdinalIgnoreCase)
                && string.Equals(ObjectIds.NormalizePrincipal(properties["principalId"]!.GetValue<string>()), principalId, StringComparison.OrdinalIgnoreCase);
        });
}
