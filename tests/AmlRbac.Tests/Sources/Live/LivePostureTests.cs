using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// The posture resources through live collection and export, against the emulator serving the REST API examples'
/// items (tests/fixtures/posture-arm-examples) moved under the sample tenant's production workspace: the sections an
/// export writes, paging, a throttled list, a list that never recovers, and what the resources cost in requests.
/// </summary>
public sealed class LivePostureTests
{
    private const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    private const string ProdGroup = Prod + "/resourceGroups/rg-ml-prod";
    private const string Workspace = ProdGroup + "/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";
    private const string SecondWorkspace = ProdGroup + "/providers/Microsoft.MachineLearningServices/workspaces/mlw-posture";
    private const string Endpoint = ProdGroup + "/providers/Microsoft.Network/privateEndpoints/pe-mlw-prod";

    // The examples' items, each given an id under the sample's workspace (the examples' own ids name unrelated
    // subscriptions), otherwise as the REST API returns them.
    private static Tenant PostureTenant()
    {
        JsonNode Moved(string example, int index, string id)
        {
            var body = JsonNode.Parse(File.ReadAllText(TestFiles.Fixture("posture-arm-examples", example)))!["responses"]!["200"]!["body"]!;
            var item = body["value"]![index]!.DeepClone();
            item["id"] = id;
            item["name"] = id[(id.LastIndexOf('/') + 1)..];
            return item;
        }
        var connection = Moved("machinelearningservices_2025-09-01_PrivateEndpointConnection_list.json", 0, Workspace + "/privateEndpointConnections/pe-mlw-prod.1");
        connection["properties"]!["privateEndpoint"]!["id"] = Endpoint;
        var document = new JsonObject
        {
            ["workspaces"] = new JsonArray(
                Moved("machinelearningservices_2025-09-01_Workspace_listBySubscription.json", 0, Workspace),
                Moved("machinelearningservices_2025-09-01_Workspace_listBySubscription.json", 1, SecondWorkspace)),
            ["computes"] = new JsonArray(
                Moved("machinelearningservices_2025-09-01_Compute_list.json", 0, Workspace + "/computes/cpu-cluster"),
                Moved("machinelearningservices_2025-09-01_Compute_list.json", 1, Workspace + "/computes/ci-alice")),
            ["privateEndpointConnections"] = new JsonArray(connection),
            ["diagnosticSettings"] = new JsonArray(
                Moved("monitor_2021-05-01-preview_listDiagnosticSettings.json", 0, Workspace + "/providers/Microsoft.Insights/diagnosticSettings/to-log-analytics")),
            ["privateDnsZoneGroups"] = new JsonArray(
                Moved("network_2024-07-01_PrivateEndpointDnsZoneGroupList.json", 0, Endpoint + "/privateDnsZoneGroups/default"),
                Moved("network_2024-07-01_PrivateEndpointDnsZoneGroupList.json", 1, Endpoint + "/privateDnsZoneGroups/second")),
        };
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return SampleTenant.Load() with { Resources = ResourceSnapshotReader.Read(parsed.RootElement, "posture test") };
    }

    private static async Task<Tenant> ExportAsync(LiveHarness harness, Scope scope)
    {
        var path = LiveFaultTests.TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { scope }, path);
            return SnapshotReader.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Ids(IReadOnlyList<ArmResource>? items) => Assert.IsAssignableFrom<IReadOnlyList<ArmResource>>(items).Select(i => i.Id).Order(StringComparer.Ordinal);

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public async Task AnExportOfTheSubscriptionHoldsEverySectionAsServed(int pageSize)
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant(), pageSize);

        var exported = (await ExportAsync(harness, Scope.Parse(Prod))).Resources;

        Assert.Contains(Workspace, Ids(exported.Workspaces));
        Assert.Contains(SecondWorkspace, Ids(exported.Workspaces));
        Assert.Equal(new[] { Workspace + "/computes/ci-alice", Workspace + "/computes/cpu-cluster" }, Ids(exported.Computes));
        Assert.Equal(new[] { Workspace + "/privateEndpointConnections/pe-mlw-prod.1" }, Ids(exported.PrivateEndpointConnections));
        Assert.Equal(new[] { Workspace + "/providers/Microsoft.Insights/diagnosticSettings/to-log-analytics" }, Ids(exported.DiagnosticSettings));
        Assert.Equal(new[] { Endpoint + "/privateDnsZoneGroups/default", Endpoint + "/privateDnsZoneGroups/second" }, Ids(exported.PrivateDnsZoneGroups));
        // Items are kept as ARM wrote them: the example's values, not a summary of them.
        Assert.Equal("AKS", exported.ComputesOf(Workspace)!.First().Find("properties.computeType")!.Value.GetString());
        Assert.Equal("testkv", exported.Workspace(Workspace)!.Find("properties.keyVault")!.Value.GetString()![^6..]);
        Assert.Equal("Approved", exported.ConnectionsOf(Workspace)!.Single().Find("properties.privateLinkServiceConnectionState.status")!.Value.GetString());
        Assert.Equal(2, exported.ZoneGroupsOf(exported.ConnectionsOf(Workspace)!.Single())!.Count);
        if (pageSize == 1)
        {
            Assert.Contains(harness.Emulator.Requests, r => r.Path == Workspace + "/computes" && r.Parameter(Paging.ArmSkipToken) is not null);
            Assert.Contains(harness.Emulator.Requests, r => r.Path == Endpoint + "/privateDnsZoneGroups" && r.Parameter(Paging.ArmSkipToken) is not null);
        }
    }

    [Fact]
    public async Task AnExportOfTheSampleTenantHoldsItsResourcesAsTheSnapshotHasThem()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        var served = SampleTenant.Load().Resources;

        var exported = (await ExportAsync(harness, Scope.ForManagementGroup("contoso-ml"))).Resources;

        Assert.NotEmpty(served.Computes!);
        // Every served workspace is exported; the emulator also serves workspaces only its assignments name.
        Assert.Empty(Ids(served.Workspaces).Except(Ids(exported.Workspaces)));
        Assert.Equal(Ids(served.Computes), Ids(exported.Computes));
        Assert.Equal(Ids(served.PrivateEndpointConnections), Ids(exported.PrivateEndpointConnections));
        Assert.Equal(Ids(served.DiagnosticSettings), Ids(exported.DiagnosticSettings));
        Assert.Equal(Ids(served.PrivateDnsZoneGroups), Ids(exported.PrivateDnsZoneGroups));
        foreach (var compute in served.Computes!)
        {
            Assert.Equal(compute.Json.GetRawText(), exported.Computes!.Single(c => c.Id == compute.Id).Json.GetRawText());
        }
    }

    [Fact]
    public async Task AnExportOfAResourceGroupReadsItsWorkspacesOnly()
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant());

        var exported = (await ExportAsync(harness, Scope.Parse(ProdGroup))).Resources;

        Assert.All(Ids(exported.Workspaces), id => Assert.StartsWith(ProdGroup + "/", id));
        Assert.Equal(2, exported.Computes!.Count);
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Path.EndsWith("/computes", StringComparison.Ordinal) && !r.Path.StartsWith(ProdGroup + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheResourcesCostThreeRequestsPerWorkspaceAndOnePerPrivateEndpoint()
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant());
        var scope = Scope.Parse(ProdGroup);

        var without = await harness.Collector.CollectAsync(new[] { scope });
        harness.Emulator.ClearRequests();
        var with = await harness.Collector.CollectAsync(new[] { scope }, withResources: true);

        // rg-ml-prod holds mlw-prod (with one private endpoint) and mlw-posture: 2 * 3 + 1.
        Assert.Equal(2, with.Tenant.Resources.Workspaces!.Count);
        Assert.Equal(without.Requests + 2 * 3 + 1, with.Requests);
        Assert.Equal(new[] { "/computes", "/privateEndpointConnections", "/providers/Microsoft.Insights/diagnosticSettings" },
            harness.Emulator.Requests.Where(r => r.Path.StartsWith(Workspace + "/", StringComparison.Ordinal)).Select(r => r.Path[Workspace.Length..]));
        // A collection that answers a question reads none of it, and says it did not list them.
        Assert.Null(without.Tenant.Resources.Computes);
    }

    [Fact]
    public async Task AThrottledListIsRetriedAfterRetryAfter()
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant());
        harness.Emulator.Faults.Add(Fault.Throttle("/diagnosticSettings", TimeSpan.FromSeconds(7)));

        var exported = (await ExportAsync(harness, Scope.Parse(ProdGroup))).Resources;

        Assert.Single(exported.DiagnosticSettings!);
        Assert.Equal(new[] { 429, 200 }, harness.Emulator.Requests.Where(r => r.Path == Workspace + "/providers/Microsoft.Insights/diagnosticSettings").Select(r => r.Status));
        Assert.Contains(TimeSpan.FromSeconds(7), harness.Clock.Waits);
    }

    [Fact]
    public async Task AListThatNeverRecoversFailsTheExportWritingNothing()
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant());
        harness.Emulator.Faults.Add(Fault.ServerError("/privateDnsZoneGroups", 503, Fault.Forever));

        var error = await LiveFaultTests.AssertFailsWholeAsync(harness, ErrorIds.ArmRequestFailed, FailureCategory.ResourceUnavailable);

        Assert.Contains("GET " + Endpoint + "/privateDnsZoneGroups?api-version=" + ArmRoutes.NetworkApiVersion, error.Message);
    }

    [Fact]
    public async Task AnItemOfTheWrongKindFailsNamingTheRequest()
    {
        await using var harness = await LiveHarness.StartAsync(PostureTenant());
        // A list answering with an item that is not a compute of the workspace: the section's own check.
        harness.Emulator.Store.Write(s => s.Computes.Add(new JsonObject { ["id"] = Workspace + "/computes/x", ["type"] = "Microsoft.Storage/storageAccounts", ["name"] = "x" }));

        var error = await Assert.ThrowsAsync<AmlRbacException>(() => harness.Collector.CollectAsync(new[] { Scope.Parse(ProdGroup) }, withResources: true));

        Assert.Equal(ErrorIds.ArmResponseInvalid, error.ErrorId);
        Assert.Contains(Workspace + "/computes", error.Message);
    }
}
