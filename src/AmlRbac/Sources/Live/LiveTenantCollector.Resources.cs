using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// The resources the posture rules read, for the workspaces the collection found: each workspace's computes
/// (Compute_List), private endpoint connections (PrivateEndpointConnections_List) and diagnostic settings
/// (DiagnosticSettings_List), then the DNS zone groups (PrivateDnsZoneGroups_List) of every private endpoint those
/// connections name, each endpoint once. Through the same client, pacing, retries and request budget as the rest;
/// each item is checked as a snapshot's section checks it (ResourceSnapshotReader), so an export writes it back as ARM
/// wrote it. A failed request fails the collection: a posture read from a partial list would pass what it never saw.
/// </summary>
public sealed partial class LiveTenantCollector
{
    private async Task<ResourceInventory> ReadResourcesAsync(Run run)
    {
        var computes = new List<ArmResource>();
        var connections = new List<ArmResource>();
        var settings = new List<ArmResource>();
        foreach (var workspace in run.WorkspaceItems)
        {
            computes.AddRange(await ReadResourceListAsync(run, "computes", workspace.Id, ArmRoutes.Computes(workspace.Id), ArmRoutes.WorkspaceChildrenApiVersion).ConfigureAwait(false));
            connections.AddRange(await ReadResourceListAsync(run, "privateEndpointConnections", workspace.Id, ArmRoutes.PrivateEndpointConnections(workspace.Id), ArmRoutes.WorkspaceChildrenApiVersion).ConfigureAwait(false));
            settings.AddRange(await ReadResourceListAsync(run, "diagnosticSettings", workspace.Id, ArmRoutes.DiagnosticSettings(workspace.Id), ArmRoutes.DiagnosticSettingsApiVersion).ConfigureAwait(false));
        }
        // properties.privateEndpoint.id of a connection (PrivateEndpointConnection/list.json) names the endpoint.
        var endpoints = connections
            .Select(c => c.Find("properties.privateEndpoint.id"))
            .Where(e => e is { ValueKind: JsonValueKind.String })
            .Select(e => e!.Value.GetString()!.TrimEnd('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var zoneGroups = new List<ArmResource>();
        foreach (var endpoint in endpoints)
        {
            zoneGroups.AddRange(await ReadResourceListAsync(run, "privateDnsZoneGroups", endpoint, ArmRoutes.PrivateDnsZoneGroups(endpoint), ArmRoutes.NetworkApiVersion).ConfigureAwait(false));
        }
        return new ResourceInventory
        {
            Workspaces = run.WorkspaceItems.ToList(),
            Computes = Distinct(computes),
            PrivateEndpointConnections = Distinct(connections),
            DiagnosticSettings = Distinct(settings),
            PrivateDnsZoneGroups = Distinct(zoneGroups),
        };
    }

    // One list, every page; the progress step is the section's name.
    private async Task<List<ArmResource>> ReadResourceListAsync(Run run, string section, string parent, string path, string apiVersion)
    {
        var kind = ResourceSnapshotReader.Section(section);
        var origin = LiveItems.Origin(AzureApi.ResourceManager, $"GET {path}");
        var items = new List<ArmResource>();
        await foreach (var page in _arm.ListPagesAsync(path, apiVersion, null, run.Cancellation).ConfigureAwait(false))
        {
            for (var i = 0; i < page.Items.Count; i++)
            {
                items.Add(ResourceItem(page.Items[i], kind, origin, $"page {page.Number}: $.value[{i}]"));
            }
            run.Report(section, parent, page.Number);
        }
        return items;
    }

    private static ArmResource ResourceItem(JsonElement element, ResourceSnapshotReader.ResourceSection section, InputOrigin origin, string path) =>
        ResourceSnapshotReader.ReadItem(element, section, origin, path);

    // A resource listed twice (two pages that overlap) is one resource, kept as first read.
    private static IReadOnlyList<ArmResource> Distinct(IEnumerable<ArmResource> items) =>
        items.DistinctBy(i => i.Id, StringComparer.OrdinalIgnoreCase).ToList();
}
