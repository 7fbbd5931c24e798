namespace AmlRbac.Model;

/// <summary>
/// The Azure resources the posture rules read, in ARM's shapes: workspaces, their computes, private endpoint
/// connections and diagnostic settings, and the private DNS zone groups of the private endpoints. Each list is null
/// when the source did not list that kind at all (an older snapshot, a source that cannot read it): a rule then
/// answers Unknown instead of reading "none" as a finding. Items are attributed to their workspace by resource id
/// (<see cref="ArmResource.ParentId"/>), never by name.
/// </summary>
public sealed class ResourceInventory
{
    private ILookup<string, ArmResource>? _computes, _connections, _settings, _zoneGroups;

    public static ResourceInventory Empty { get; } = new();

    /// <summary>Workspaces_List / Workspaces_Get (https://learn.microsoft.com/rest/api/azureml/workspaces/list-by-subscription).</summary>
    public IReadOnlyList<ArmResource>? Workspaces { get; init; }

    /// <summary>Compute_List: <c>{workspace}/computes/{name}</c> (https://learn.microsoft.com/rest/api/azureml/compute/list).</summary>
    public IReadOnlyList<ArmResource>? Computes { get; init; }

    /// <summary>PrivateEndpointConnections_List: <c>{workspace}/privateEndpointConnections/{name}</c> (https://learn.microsoft.com/rest/api/azureml/private-endpoint-connections/list).</summary>
    public IReadOnlyList<ArmResource>? PrivateEndpointConnections { get; init; }

    /// <summary>DiagnosticSettings_List: <c>{workspace}/providers/Microsoft.Insights/diagnosticSettings/{name}</c> (https://learn.microsoft.com/rest/api/monitor/diagnostic-settings/list).</summary>
    public IReadOnlyList<ArmResource>? DiagnosticSettings { get; init; }

    /// <summary>PrivateDnsZoneGroups_List: <c>{privateEndpoint}/privateDnsZoneGroups/{name}</c> (https://learn.microsoft.com/rest/api/virtualnetwork/private-dns-zone-groups/list).</summary>
    public IReadOnlyList<ArmResource>? PrivateDnsZoneGroups { get; init; }

    /// <summary>The workspace with this resource id, or null.</summary>
    public ArmResource? Workspace(string id) =>
        Workspaces?.FirstOrDefault(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The workspace's computes; null when the source did not list computes.</summary>
    public IReadOnlyList<ArmResource>? ComputesOf(string workspaceId) => Children(Computes, ref _computes, workspaceId);

    /// <summary>The workspace's private endpoint connections; null when the source did not list them.</summary>
    public IReadOnlyList<ArmResource>? ConnectionsOf(string workspaceId) => Children(PrivateEndpointConnections, ref _connections, workspaceId);

    /// <summary>The resource's diagnostic settings; null when the source did not list them.</summary>
    public IReadOnlyList<ArmResource>? DiagnosticSettingsOf(string resourceId) => Children(DiagnosticSettings, ref _settings, resourceId);

    /// <summary>
    /// The DNS zone groups of the private endpoint a connection names (<c>properties.privateEndpoint.id</c>,
    /// joined by id); null when the source did not list zone groups or the connection names no endpoint.
    /// </summary>
    public IReadOnlyList<ArmResource>? ZoneGroupsOf(ArmResource connection) =>
        connection.Find("properties.privateEndpoint.id") is { ValueKind: System.Text.Json.JsonValueKind.String } endpoint
            ? Children(PrivateDnsZoneGroups, ref _zoneGroups, endpoint.GetString()!)
            : null;

    // Each kind indexed once by the id of what its items belong to (a tenant lists thousands of computes); a
    // race builds the same index twice, which is harmless.
    private static IReadOnlyList<ArmResource>? Children(IReadOnlyList<ArmResource>? kind, ref ILookup<string, ArmResource>? index, string parentId)
    {
        if (kind is null)
        {
            return null;
        }
        index ??= kind.Where(item => item.ParentId is not null).ToLookup(item => item.ParentId!, StringComparer.OrdinalIgnoreCase);
        return index[parentId.TrimEnd('/')].ToList();
    }
}
