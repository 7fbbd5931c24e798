using System.Text.Json.Nodes;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// The list routes of the resources the posture rules read, answering with the items of <see cref="EmulatorStore"/>
/// (its tenant's resource sections, ARM's shapes), paged like every other list and hit by the same faults:
/// <list type="bullet">
/// <item>Compute_List: GET {workspace}/computes, 2025-09-01 (azure-rest-api-specs
/// specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples/Compute/list.json).</item>
/// <item>PrivateEndpointConnections_List: GET {workspace}/privateEndpointConnections, 2025-09-01 (same folder,
/// examples/PrivateEndpointConnection/list.json).</item>
/// <item>DiagnosticSettings_List: GET {resource}/providers/Microsoft.Insights/diagnosticSettings, 2021-05-01-preview
/// (specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/examples/listDiagnosticSettings.json).</item>
/// <item>PrivateDnsZoneGroups_List: GET {private endpoint}/privateDnsZoneGroups, 2024-07-01
/// (specification/network/resource-manager/Microsoft.Network/stable/2024-07-01/examples/PrivateEndpointDnsZoneGroupList.json).</item>
/// </list>
/// The examples are copied in tests/fixtures/posture-arm-examples. Workspaces_ListBySubscription / _ListByResourceGroup
/// are <see cref="ArmReadRoutes"/>'. A workspace or private
/// endpoint the store does not hold is 404 ResourceNotFound, as ARM answers a missing parent.
/// </summary>
internal static class PostureRoutes
{
    public static readonly string[] MachineLearningVersions = { "2024-10-01", "2025-01-01-preview", "2025-09-01" };
    public static readonly string[] DiagnosticSettingsVersions = { "2021-05-01-preview" };
    public static readonly string[] NetworkVersions = { "2024-05-01", "2024-07-01" };

    private const string Workspace = "(?<parent>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+)";
    private const string PrivateEndpoint = "(?<parent>/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/privateEndpoints/[^/]+)";

    public static void Register(RouteTable routes)
    {
        routes.Add("GET", Workspace + "/computes", MachineLearningVersions, r => UnderWorkspace(r, r.Store.Computes));
        routes.Add("GET", Workspace + "/privateEndpointConnections", MachineLearningVersions, r => UnderWorkspace(r, r.Store.PrivateEndpointConnections));
        routes.Add("GET", Workspace + "/providers/Microsoft\\.Insights/diagnosticSettings", DiagnosticSettingsVersions, r => UnderWorkspace(r, r.Store.DiagnosticSettings));
        routes.Add("GET", PrivateEndpoint + "/privateDnsZoneGroups", NetworkVersions, ZoneGroups);
    }

    private static EmulatorResult UnderWorkspace(EmulatorRequest request, List<JsonObject> source)
    {
        var workspace = request.Capture("parent");
        var items = request.Store.Read(s => s.Workspaces.ContainsKey(workspace) ? Children(source, workspace) : null);
        return items is null
            ? EmulatorResult.Error(404, "ResourceNotFound", $"The Resource 'Microsoft.MachineLearningServices/workspaces/{workspace[(workspace.LastIndexOf('/') + 1)..]}' under resource group was not found.")
            : Paging.Arm(request, items);
    }

    // A private endpoint exists when a connection names it or a zone group lies under it.
    private static EmulatorResult ZoneGroups(EmulatorRequest request)
    {
        var endpoint = request.Capture("parent");
        var items = request.Store.Read(s =>
        {
            var known = s.PrivateEndpointConnections.Any(c => string.Equals(c["properties"]?["privateEndpoint"]?["id"]?.GetValue<string>(), endpoint, StringComparison.OrdinalIgnoreCase))
                || s.PrivateDnsZoneGroups.Any(g => IsChild(g, endpoint));
            return known ? Children(s.PrivateDnsZoneGroups, endpoint) : null;
        });
        return items is null
            ? EmulatorResult.Error(404, "ResourceNotFound", $"The Resource 'Microsoft.Network/privateEndpoints/{endpoint[(endpoint.LastIndexOf('/') + 1)..]}' under resource group was not found.")
            : Paging.Arm(request, items);
    }

    private static List<JsonNode> Children(List<JsonObject> source, string parent) =>
        source.Where(i => IsChild(i, parent)).Select(i => (JsonNode)i.DeepClone()).ToList();

    // {parent}/{type}/{name} or {parent}/providers/{namespace}/{type}/{name}: the item lies directly under the parent.
    private static bool IsChild(JsonObject item, string parent)
    {
        var id = item["id"]?.GetValue<string>() ?? "";
        if (!id.StartsWith(parent + "/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = id[(parent.Length + 1)..].Split('/');
        return rest.Length == 2 || (rest.Length == 4 && string.Equals(rest[0], "providers", StringComparison.OrdinalIgnoreCase));
    }
}
