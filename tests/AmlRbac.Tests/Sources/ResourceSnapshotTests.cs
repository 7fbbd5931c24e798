using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// The snapshot's resource sections (the posture inventory) hold ARM's list items as ARM returns them: read from the
/// REST API examples, attributed to their workspace by id, written back unchanged, and checked item by item.
/// </summary>
public sealed class ResourceSnapshotTests
{
    private const string File = "posture.snapshot.json";

    // The examples' own values, with their defects repaired where the reader rightly refuses them (see
    // tests/fixtures/README.md): a placeholder in an id, a subscription that is not a GUID.
    private const string Subscription = "00000000-1111-2222-3333-444444444444";

    private static JsonArray Items(string file) =>
        JsonNode.Parse(System.IO.File.ReadAllText(TestFiles.Fixture("posture-arm-examples", file)))!["responses"]!["200"]!["body"]!["value"]!.AsArray();

    private static string Text(JsonArray items) => items.ToJsonString();

    private static JsonArray Workspaces() => Items("machinelearningservices_2025-09-01_Workspace_listBySubscription.json");

    private static JsonArray Computes() => Items("machinelearningservices_2025-09-01_Compute_list.json");

    private static JsonArray Connections() => JsonNode.Parse(Text(Items("machinelearningservices_2025-09-01_PrivateEndpointConnection_list.json"))
        .Replace("{privateEndpointConnectionName}", "pec1"))!.AsArray();

    private static JsonArray Settings() => Items("monitor_2021-05-01-preview_listDiagnosticSettings.json");

    // Repaired: "subId" becomes a GUID, and the groups belong to the private endpoint the connection example names.
    private static JsonArray ZoneGroups() => JsonNode.Parse(Text(Items("network_2024-07-01_PrivateEndpointDnsZoneGroupList.json"))
        .Replace("/subscriptions/subId/resourceGroups/rg1/providers/Microsoft.Network/privateLinkServices/testPe",
            $"/subscriptions/{Subscription}/resourceGroups/rg-1234/providers/Microsoft.Network/privateEndpoints/petest01")
        .Replace("/subscriptions/subId/", $"/subscriptions/{Subscription}/"))!.AsArray();

    private static string Snapshot() => $$"""
        { "schemaVersion": 1,
          "workspaces": {{Text(Workspaces())}},
          "computes": {{Text(Computes())}},
          "privateEndpointConnections": {{Text(Connections())}},
          "diagnosticSettings": {{Text(Settings())}},
          "privateDnsZoneGroups": {{Text(ZoneGroups())}} }
        """;

    [Fact]
    public void Sections_read_the_list_items_of_the_rest_api_examples()
    {
        var tenant = SnapshotReader.Parse(Snapshot(), File);
        var resources = tenant.Resources;

        Assert.Equal(2, resources.Workspaces!.Count);
        Assert.Equal(2, resources.Computes!.Count);
        // The example lists one connection twice: one resource.
        Assert.Single(resources.PrivateEndpointConnections!);
        Assert.Single(resources.DiagnosticSettings!);
        Assert.Equal(2, resources.PrivateDnsZoneGroups!.Count);
        Assert.Equal(
            new[]
            {
                "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace",
                "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-5678/providers/Microsoft.MachineLearningServices/workspaces/testworkspace",
            },
            tenant.Workspaces);
        var compute = resources.Computes[0];
        Assert.Equal("compute123", compute.Name);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes", compute.Type);
        Assert.Equal("eastus", compute.Location);
        Assert.Equal("AKS", compute.Find("Properties.ComputeType")!.Value.GetString());
        Assert.Null(compute.Find("properties.computeType.nothing"));
        // The zone group example has no type: the section's.
        Assert.Equal("Microsoft.Network/privateEndpoints/privateDnsZoneGroups", resources.PrivateDnsZoneGroups[0].Type);
    }

    [Fact]
    public void Items_are_attributed_to_their_workspace_by_id()
    {
        var resources = SnapshotReader.Parse(Snapshot(), File).Resources;
        const string computeWorkspace = "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.MachineLearningServices/workspaces/WORKSPACES123";
        const string connectionWorkspace = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace";
        const string logicApp = "/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourcegroups/viruela1/providers/microsoft.logic/workflows/viruela6";

        Assert.Equal(new[] { "compute123", "compute1234" }, resources.ComputesOf(computeWorkspace)!.Select(c => c.Name));
        Assert.Empty(resources.ComputesOf(connectionWorkspace)!);
        var connection = Assert.Single(resources.ConnectionsOf(connectionWorkspace)!);
        Assert.Equal(new[] { "testPdnsgroup1", "testPdnsgroup2" }, resources.ZoneGroupsOf(connection)!.Select(g => g.Name));
        // A diagnostic setting is an extension resource: it belongs to the resource before /providers/Microsoft.Insights.
        Assert.Equal("mysetting", Assert.Single(resources.DiagnosticSettingsOf(logicApp)!).Name);
        Assert.Empty(resources.DiagnosticSettingsOf(connectionWorkspace)!);
    }

    [Fact]
    public void Export_writes_every_item_back_as_it_was_read()
    {
        var read = SnapshotReader.Parse(Snapshot(), File);

        var written = SnapshotWriter.ToJson(read);
        var again = SnapshotReader.Parse(written, File);

        Assert.Equal(TestFiles.Content(read), TestFiles.Content(again));
        var document = JsonNode.Parse(written)!;
        Assert.True(JsonNode.DeepEquals(Computes(), document["computes"]));
        Assert.True(JsonNode.DeepEquals(Settings(), document["diagnosticSettings"]));
        Assert.True(JsonNode.DeepEquals(ZoneGroups(), document["privateDnsZoneGroups"]));
        Assert.True(JsonNode.DeepEquals(Workspaces(), document["workspaces"]));
    }

    [Fact]
    public void A_snapshot_without_the_sections_lists_nothing_and_writes_none()
    {
        var tenant = SnapshotReader.Parse("""{ "schemaVersion": 1, "computes": [] }""", File);

        // Not listed (null) is not the same as listed and empty: a rule answers Unknown for the first.
        Assert.Null(tenant.Resources.Workspaces);
        Assert.Null(tenant.Resources.ConnectionsOf("/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w"));
        Assert.Empty(tenant.Resources.ComputesOf("/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w")!);
        Assert.Empty(tenant.Resources.Computes!);
        Assert.Empty(tenant.Workspaces);
        var written = JsonNode.Parse(SnapshotWriter.ToJson(tenant))!.AsObject();
        Assert.True(written.ContainsKey("computes"));
        Assert.False(written.ContainsKey("workspaces"));
        Assert.False(written.ContainsKey("diagnosticSettings"));
    }

    [Fact]
    public void A_section_read_whole_reads_the_same()
    {
        // schemaVersion not first: the document is read whole instead of streamed.
        var streamed = SnapshotReader.Parse(Snapshot(), File);
        var whole = SnapshotReader.Parse(Snapshot().Replace("{ \"schemaVersion\": 1,", "{").TrimEnd().TrimEnd('}') + ", \"schemaVersion\": 1 }", File);

        Assert.Equal(TestFiles.Content(streamed), TestFiles.Content(whole));
    }

    [Fact]
    public void A_pasted_list_page_is_read_unless_it_has_a_next_page()
    {
        var page = $$"""{ "schemaVersion": 1, "workspaces": { "value": {{Text(Workspaces())}} } }""";
        Assert.Equal(2, SnapshotReader.Parse(page, File).Resources.Workspaces!.Count);

        var error = Fails($$"""{ "schemaVersion": 1, "computes": { "value": {{Text(Computes())}}, "nextLink": "nextLink" } }""");
        Assert.Equal($"{File}: $.computes.nextLink: this is one page of a longer ARM list; save every page (follow nextLink) into one array.", error.Message);
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "computes": 3 }""",
        "$.computes: expected an array of computes, found a number.")]
    [InlineData("""{ "schemaVersion": 1, "computes": [ "c1" ] }""",
        "$.computes[0]: expected an object, found a string.")]
    [InlineData("""{ "schemaVersion": 1, "workspaces": [ { "name": "w" } ] }""",
        "$.workspaces[0].id: the required field is missing.")]
    [InlineData("""{ "schemaVersion": 1, "workspaces": [ { "id": 7 } ] }""",
        "$.workspaces[0].id: expected a string, found a number.")]
    // A compute filed under workspaces would be read as a workspace with every setting absent.
    [InlineData("""{ "schemaVersion": 1, "workspaces": [ { "id": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/c" } ] }""",
        "$.workspaces[0].id: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/c' is not the id of one of the workspaces: expected an id ending in /providers/Microsoft.MachineLearningServices/workspaces/{name}.")]
    [InlineData("""{ "schemaVersion": 1, "computes": [ { "id": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/computes/c" } ] }""",
        "$.computes[0].id: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/computes/c' does not lie in an Azure Machine Learning workspace: expected {workspace id}/computes/{name}.")]
    [InlineData("""{ "schemaVersion": 1, "computes": [ { "id": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/c", "type": "Microsoft.MachineLearningServices/workspaces" } ] }""",
        "$.computes[0].type: 'Microsoft.MachineLearningServices/workspaces' is not the type of the computes section; expected Microsoft.MachineLearningServices/workspaces/computes.")]
    [InlineData("""{ "schemaVersion": 1, "diagnosticSettings": [ { "id": "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/diagnosticSettings/d" } ] }""",
        "$.diagnosticSettings[0].id: '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/diagnosticSettings/d' is not the id of one of the diagnosticSettings: expected an id ending in /providers/Microsoft.Insights/diagnosticSettings/{name}.")]
    [InlineData("""{ "schemaVersion": 1, "privateDnsZoneGroups": [ { "id": "/subscriptions/subId/resourceGroups/rg1/providers/Microsoft.Network/privateEndpoints/pe/privateDnsZoneGroups/g", "location": false } ] }""",
        "$.privateDnsZoneGroups[0].id: '/subscriptions/subId/resourceGroups/rg1/providers/Microsoft.Network/privateEndpoints/pe/privateDnsZoneGroups/g' is not a valid resource id: the subscription id 'subId' is not a GUID.")]
    public void A_bad_item_fails_naming_its_path(string json, string expected)
    {
        Assert.Equal($"{File}: {expected}", Fails(json).Message);
    }

    [Fact]
    public void An_example_id_with_a_placeholder_fails()
    {
        var error = Fails($$"""{ "schemaVersion": 1, "privateEndpointConnections": {{Text(Items("machinelearningservices_2025-09-01_PrivateEndpointConnection_list.json"))}} }""");

        Assert.StartsWith($"{File}: $.privateEndpointConnections[0].id: ", error.Message);
        Assert.EndsWith("it still holds a placeholder such as <subscriptionId>; replace it with a real value.", error.Message);
    }

    [Fact]
    public void An_unknown_section_still_fails()
    {
        var error = Fails("""{ "schemaVersion": 1, "compute": [] }""");

        Assert.Contains("$.compute: unknown section;", error.Message);
        Assert.Contains("workspaces, computes, privateEndpointConnections, diagnosticSettings, privateDnsZoneGroups", error.Message);
    }

    private static AmlRbacException Fails(string json)
    {
        var error = Assert.Throws<AmlRbacException>(() => SnapshotReader.Parse(json, File));
        Assert.Equal(ErrorIds.SnapshotInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, error.Category);
        return error;
    }
}
