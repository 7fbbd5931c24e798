using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Posture;
using AmlRbac.Sources;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Posture;

/// <summary>
/// Each posture rule passes and fails on ARM-shaped data taken from the REST API examples
/// (tests/fixtures/posture-arm-examples): the Workspaces_Get and Compute_Get (compute instance) bodies, read through
/// the snapshot reader, each failing variant changed in memory from the example as its comment says.
/// </summary>
public sealed class PostureChecksTests
{
    private const string WorkspaceId = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.MachineLearningServices/workspaces/testworkspace";
    private const string ResourceGroup = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234";
    private const string IdentityPrincipal = "00000000-1111-2222-3333-444444444444";
    private const string AzureAIAdministrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    private static JsonNode Example(string file, bool list = false)
    {
        var body = JsonNode.Parse(File.ReadAllText(TestFiles.Fixture("posture-arm-examples", file)))!["responses"]!["200"]!["body"]!;
        return list ? body["value"]!.DeepClone() : body.DeepClone();
    }

    private static JsonObject Workspace() => Example("machinelearningservices_2025-09-01_Workspace_get.json").AsObject();

    // The compute instance example lives in another workspace of another subscription: its id is moved into the
    // workspace example's, so that the compute belongs to it.
    private static JsonObject ComputeInstance()
    {
        var compute = Example("machinelearningservices_2025-09-01_Compute_get_ComputeInstance.json").AsObject();
        compute["id"] = WorkspaceId + "/computes/compute123";
        return compute;
    }

    private static JsonObject Inner(JsonObject compute) => compute["properties"]!["properties"]!.AsObject();

    private static PostureFinding Check(string ruleId, JsonObject workspace, JsonArray? computes = null, JsonArray? settings = null,
        JsonArray? zoneGroups = null, IReadOnlyList<RoleAssignment>? assignments = null)
    {
        var snapshot = new JsonObject { ["schemaVersion"] = 1, ["workspaces"] = new JsonArray(workspace.DeepClone()) };
        if (computes is not null)
        {
            snapshot["computes"] = computes.DeepClone();
        }
        if (settings is not null)
        {
            snapshot["diagnosticSettings"] = settings.DeepClone();
        }
        if (zoneGroups is not null)
        {
            snapshot["privateDnsZoneGroups"] = zoneGroups.DeepClone();
        }
        var tenant = SnapshotReader.Parse(snapshot.ToJsonString(), "posture.json");
        var facts = new WorkspaceFacts
        {
            Workspace = tenant.Resources.Workspaces!.Single(),
            Resources = tenant.Resources,
            RoleAssignments = assignments ?? Array.Empty<RoleAssignment>(),
            AzureAIAdministratorRoleId = AzureAIAdministrator,
            ContributorRoleId = Contributor,
        };
        return PostureChecks.Evaluate(PostureRules.All.Single(r => r.Id == ruleId), facts);
    }

    private static void Is(PostureResult expected, string evidence, PostureFinding finding)
    {
        Assert.Equal(expected, finding.Result);
        Assert.Equal(evidence, finding.Evidence);
    }

    [Fact]
    public void AMLP001_customer_managed_key()
    {
        Is(PostureResult.Pass, "properties.encryption.status = Enabled; properties.encryption.keyVaultProperties.keyIdentifier = https://testkv.vault.azure.net/keys/testkey/aabbccddee112233445566778899aabb",
            Check("AMLP001", Workspace()));

        // The Workspaces_ListBySubscription example's workspaces have no encryption: Microsoft-managed keys.
        var listed = Example("machinelearningservices_2025-09-01_Workspace_listBySubscription.json", list: true)[0]!.AsObject();
        Is(PostureResult.Fail, "properties.encryption.status: absent; properties.encryption.keyVaultProperties.keyIdentifier: absent", Check("AMLP001", listed));
    }

    [Fact]
    public void AMLP002_public_network_access_disabled()
    {
        Is(PostureResult.Pass, "properties.publicNetworkAccess = Disabled", Check("AMLP002", Workspace()));

        var open = Workspace();
        open["properties"]!["publicNetworkAccess"] = "Enabled";
        Is(PostureResult.Fail, "properties.publicNetworkAccess = Enabled", Check("AMLP002", open));
    }

    [Fact]
    public void AMLP003_private_endpoint_connections_approved()
    {
        // The example embeds one Approved connection.
        Is(PostureResult.Pass, "testprivatelinkconnection: properties.privateLinkServiceConnectionState.status = Approved", Check("AMLP003", Workspace()));

        var pending = Workspace();
        pending["properties"]!["privateEndpointConnections"]![0]!["properties"]!["privateLinkServiceConnectionState"]!["status"] = "Pending";
        Is(PostureResult.Fail, "testprivatelinkconnection: properties.privateLinkServiceConnectionState.status = Pending", Check("AMLP003", pending));

        var none = Workspace();
        none["properties"]!["privateEndpointConnections"] = new JsonArray();
        Is(PostureResult.Fail, "no private endpoint connection", Check("AMLP003", none));

        var listed = Example("machinelearningservices_2025-09-01_Workspace_listBySubscription.json", list: true)[0]!.AsObject();
        Is(PostureResult.Unknown, "privateEndpointConnections: not listed by the source", Check("AMLP003", listed));
    }

    [Fact]
    public void AMLP004_managed_network_isolation()
    {
        Is(PostureResult.Fail, "properties.managedNetwork.isolationMode: absent", Check("AMLP004", Workspace()));

        var isolated = Workspace();
        isolated["properties"]!["managedNetwork"] = new JsonObject { ["isolationMode"] = "AllowOnlyApprovedOutbound" };
        Is(PostureResult.Pass, "properties.managedNetwork.isolationMode = AllowOnlyApprovedOutbound", Check("AMLP004", isolated));

        isolated["properties"]!["managedNetwork"]!["isolationMode"] = "AllowInternetOutbound";
        Is(PostureResult.Fail, "properties.managedNetwork.isolationMode = AllowInternetOutbound", Check("AMLP004", isolated));
    }

    [Fact]
    public void AMLP005_high_business_impact()
    {
        Is(PostureResult.Fail, "properties.hbiWorkspace = false", Check("AMLP005", Workspace()));

        var hbi = Workspace();
        hbi["properties"]!["hbiWorkspace"] = true;
        Is(PostureResult.Pass, "properties.hbiWorkspace = true", Check("AMLP005", hbi));
    }

    [Fact]
    public void AMLP006_identity_on_Azure_AI_Administrator()
    {
        RoleAssignment On(string role) => new() { Id = "a-" + role, RoleDefinitionId = role, PrincipalId = IdentityPrincipal, Scope = ResourceGroup };
        const string evidence = "identity.principalId = 00000000-1111-2222-3333-444444444444, on resource group workspace-1234: ";

        var passed = Check("AMLP006", Workspace(), assignments: new[] { On(AzureAIAdministrator), On(Contributor) });
        Is(PostureResult.Pass, evidence + "Azure AI Administrator", passed);
        Assert.Equal(new[] { ResourceGroup }, passed.ChangeScopes);
        Is(PostureResult.Fail, evidence + "Contributor, not Azure AI Administrator", Check("AMLP006", Workspace(), assignments: new[] { On(Contributor) }));
        // An assignment elsewhere is not the identity's role on its resource group.
        var elsewhere = On(AzureAIAdministrator) with { Scope = WorkspaceId };
        Is(PostureResult.Unknown, evidence + "neither role in the source's role assignments", Check("AMLP006", Workspace(), assignments: new[] { elsewhere }));

        var userAssigned = Workspace();
        userAssigned["identity"]!["type"] = "UserAssigned";
        Is(PostureResult.NotApplicable, "identity.type = UserAssigned (no system-assigned identity)", Check("AMLP006", userAssigned));
    }

    [Fact]
    public void AMLP007_image_build_compute_when_public_access_is_off()
    {
        Is(PostureResult.Pass, "properties.publicNetworkAccess = Disabled; properties.imageBuildCompute = testcompute", Check("AMLP007", Workspace()));

        var missing = Workspace();
        missing["properties"]!.AsObject().Remove("imageBuildCompute");
        Is(PostureResult.Fail, "properties.publicNetworkAccess = Disabled; properties.imageBuildCompute: absent", Check("AMLP007", missing));

        missing["properties"]!["publicNetworkAccess"] = "Enabled";
        Is(PostureResult.NotApplicable, "properties.publicNetworkAccess = Enabled", Check("AMLP007", missing));
    }

    [Fact]
    public void AMLP008_diagnostic_logs_to_Log_Analytics()
    {
        // The DiagnosticSettings_List example's setting (of a logic app) moved onto the workspace; it sends to a
        // storage account and an event hub, its workspaceId empty.
        var settings = Example("monitor_2021-05-01-preview_listDiagnosticSettings.json", list: true).AsArray();
        settings[0]!["id"] = WorkspaceId + "/providers/microsoft.insights/diagnosticSettings/mysetting";
        Is(PostureResult.Fail, "mysetting: properties.workspaceId: absent, 1 log category enabled", Check("AMLP008", Workspace(), settings: settings));

        const string logAnalytics = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/workspace-1234/providers/Microsoft.OperationalInsights/workspaces/law1";
        settings[0]!["properties"]!["workspaceId"] = logAnalytics;
        Is(PostureResult.Pass, $"mysetting: properties.workspaceId = {logAnalytics}, 1 log category enabled", Check("AMLP008", Workspace(), settings: settings));

        settings[0]!["properties"]!["logs"]![0]!["enabled"] = false;
        Is(PostureResult.Fail, $"mysetting: properties.workspaceId = {logAnalytics}, 0 log categories enabled", Check("AMLP008", Workspace(), settings: settings));
        Is(PostureResult.Fail, "no diagnostic setting", Check("AMLP008", Workspace(), settings: new JsonArray()));
        Is(PostureResult.Unknown, "diagnosticSettings: not listed by the source", Check("AMLP008", Workspace()));
    }

    [Fact]
    public void AMLP009_legacy_v1_mode_off()
    {
        // The example leaves v1LegacyMode out: its default, false.
        Is(PostureResult.Pass, "properties.v1LegacyMode: absent", Check("AMLP009", Workspace()));

        var legacy = Workspace();
        legacy["properties"]!["v1LegacyMode"] = true;
        Is(PostureResult.Fail, "properties.v1LegacyMode = true", Check("AMLP009", legacy));
    }

    [Fact]
    public void AMLP010_compute_local_authentication_disabled()
    {
        // The example's compute instance leaves disableLocalAuth out: local authentication is on.
        Is(PostureResult.Fail, "compute123: properties.disableLocalAuth: absent", Check("AMLP010", Workspace(), new JsonArray(ComputeInstance())));

        var entraOnly = ComputeInstance();
        entraOnly["properties"]!["disableLocalAuth"] = true;
        Is(PostureResult.Pass, "compute123: properties.disableLocalAuth = true", Check("AMLP010", Workspace(), new JsonArray(entraOnly)));

        // The Compute_List example's computes are AKS clusters, moved into the workspace: the rule does not apply.
        var aks = Example("machinelearningservices_2025-09-01_Compute_list.json", list: true).AsArray();
        foreach (var compute in aks)
        {
            compute!["id"] = WorkspaceId + "/computes/" + compute["name"];
        }
        Is(PostureResult.NotApplicable, "no ComputeInstance or AmlCompute compute", Check("AMLP010", Workspace(), aks));
        Is(PostureResult.Unknown, "computes: not listed by the source", Check("AMLP010", Workspace()));
    }

    [Fact]
    public void AMLP011_compute_without_public_IP()
    {
        // The example leaves enableNodePublicIp out: its default, true.
        Is(PostureResult.Fail, "compute123: properties.properties.enableNodePublicIp: absent", Check("AMLP011", Workspace(), new JsonArray(ComputeInstance())));

        var privateOnly = ComputeInstance();
        Inner(privateOnly)["enableNodePublicIp"] = false;
        Is(PostureResult.Pass, "compute123: properties.properties.enableNodePublicIp = false", Check("AMLP011", Workspace(), new JsonArray(privateOnly)));
    }

    [Fact]
    public void AMLP012_compute_SSH_public_access_disabled()
    {
        Is(PostureResult.Fail, "compute123: properties.properties.sshSettings.sshPublicAccess = Enabled", Check("AMLP012", Workspace(), new JsonArray(ComputeInstance())));

        var closed = ComputeInstance();
        Inner(closed)["sshSettings"]!["sshPublicAccess"] = "Disabled";
        Is(PostureResult.Pass, "compute123: properties.properties.sshSettings.sshPublicAccess = Disabled", Check("AMLP012", Workspace(), new JsonArray(closed)));

        // A cluster (the compute instance made an AmlCompute) is read by its remote login port.
        var cluster = ComputeInstance();
        cluster["properties"]!["computeType"] = "AmlCompute";
        Inner(cluster)["remoteLoginPortPublicAccess"] = "NotSpecified";
        Is(PostureResult.Fail, "compute123: properties.properties.remoteLoginPortPublicAccess = NotSpecified", Check("AMLP012", Workspace(), new JsonArray(cluster)));
    }

    [Fact]
    public void AMLP013_compute_in_a_virtual_network()
    {
        Is(PostureResult.Pass, "compute123: properties.properties.subnet.id = test-subnet-resource-id", Check("AMLP013", Workspace(), new JsonArray(ComputeInstance())));

        var outside = ComputeInstance();
        Inner(outside).Remove("subnet");
        Is(PostureResult.Fail, "compute123: properties.properties.subnet.id: absent; workspace properties.managedNetwork.isolationMode: absent",
            Check("AMLP013", Workspace(), new JsonArray(outside.DeepClone())));

        var managed = Workspace();
        managed["properties"]!["managedNetwork"] = new JsonObject { ["isolationMode"] = "AllowInternetOutbound" };
        Is(PostureResult.Pass, "compute123: properties.properties.subnet.id: absent; workspace properties.managedNetwork.isolationMode = AllowInternetOutbound",
            Check("AMLP013", managed, new JsonArray(outside.DeepClone())));
    }

    [Fact]
    public void AMLP014_compute_instance_idle_shutdown()
    {
        Is(PostureResult.Fail, "compute123: properties.properties.idleTimeBeforeShutdown: absent", Check("AMLP014", Workspace(), new JsonArray(ComputeInstance())));

        var idle = ComputeInstance();
        Inner(idle)["idleTimeBeforeShutdown"] = "PT30M";
        Is(PostureResult.Pass, "compute123: properties.properties.idleTimeBeforeShutdown = PT30M", Check("AMLP014", Workspace(), new JsonArray(idle)));
    }

    [Fact]
    public void AMLP015_compute_instance_assigned_to_one_user()
    {
        Is(PostureResult.Pass, "compute123: properties.properties.computeInstanceAuthorizationType = personal; properties.properties.personalComputeInstanceSettings.assignedUser.objectId = 00000000-0000-0000-0000-000000000000",
            Check("AMLP015", Workspace(), new JsonArray(ComputeInstance())));

        var shared = ComputeInstance();
        Inner(shared).Remove("personalComputeInstanceSettings");
        Is(PostureResult.Fail, "compute123: properties.properties.computeInstanceAuthorizationType = personal; properties.properties.personalComputeInstanceSettings.assignedUser.objectId: absent",
            Check("AMLP015", Workspace(), new JsonArray(shared)));
    }

    [Fact]
    public void AMLP016_private_DNS_zone_group()
    {
        // The PrivateDnsZoneGroups_List example's groups, repaired (tests/fixtures/README.md) and moved onto the
        // private endpoint the workspace example's connection names.
        var groups = JsonNode.Parse(Example("network_2024-07-01_PrivateEndpointDnsZoneGroupList.json", list: true).ToJsonString()
            .Replace("/subscriptions/subId/resourceGroups/rg1/providers/Microsoft.Network/privateLinkServices/testPe",
                "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-1234/providers/Microsoft.Network/privateEndpoints/petest01")
            .Replace("/subscriptions/subId/", "/subscriptions/00000000-1111-2222-3333-444444444444/"))!.AsArray();

        var passed = Check("AMLP016", Workspace(), zoneGroups: groups);
        Is(PostureResult.Pass, "testprivatelinkconnection: testPdnsgroup1, testPdnsgroup2", passed);
        Assert.Equal(new[] { "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-1234/providers/Microsoft.Network/privateEndpoints/petest01" }, passed.ChangeScopes);
        Is(PostureResult.Fail, "testprivatelinkconnection: no private DNS zone group", Check("AMLP016", Workspace(), zoneGroups: new JsonArray()));
        Is(PostureResult.Unknown, "privateDnsZoneGroups: not listed by the source", Check("AMLP016", Workspace()));

        var none = Workspace();
        none["properties"]!["privateEndpointConnections"] = new JsonArray();
        Is(PostureResult.NotApplicable, "no private endpoint connection", Check("AMLP016", none, zoneGroups: groups));
    }

    [Fact]
    public void AMLP017_user_assigned_managed_identity()
    {
        Is(PostureResult.Pass, "identity.type = SystemAssigned,UserAssigned", Check("AMLP017", Workspace()));

        var system = Workspace();
        system["identity"]!["type"] = "SystemAssigned";
        Is(PostureResult.Fail, "identity.type = SystemAssigned", Check("AMLP017", system));
    }

    [Fact]
    public void A_workspace_without_its_properties_is_unknown_for_every_rule()
    {
        var bare = Workspace();
        bare.Remove("properties");

        Assert.All(PostureRules.All, rule =>
            Is(PostureResult.Unknown, "properties: absent (the source did not read the workspace's settings)", Check(rule.Id, bare)));
    }
}
