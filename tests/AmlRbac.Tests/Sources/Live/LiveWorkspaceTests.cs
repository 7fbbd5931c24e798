using System.Text.Json;
using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>Azure ML workspaces as the live source reads them: the spec's example, and the emulator's lists.</summary>
public sealed class LiveWorkspaceTests
{
    [Fact]
    public void TheSpecExampleReadsWithItsIdentities()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(TestFiles.ArmExample("machinelearningservices_2025-01-01-preview_Workspace_get.json")));
        var body = example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");

        var workspace = WorkspaceShape.Read(LiveItems.Read(body, LiveItems.Origin(AzureApi.ResourceManager, "GET example"), "$"));

        Assert.Equal("testworkspace", workspace.Name);
        Assert.Equal("SystemAssigned,UserAssigned", workspace.IdentityType);
        Assert.Equal("00000000-1111-2222-3333-444444444444", workspace.PrincipalId);
        Assert.Single(workspace.UserAssignedPrincipalIds);
    }

    [Fact]
    public async Task AManagementGroupListsTheWorkspacesOfItsSubscriptions()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 1);
        var collection = await harness.Collector.CollectAsync(new[] { Scope.ForManagementGroup("contoso-ml") });

        Assert.Equal(
            new[] { "mlw-dev", "mlw-prod" },
            collection.Workspaces.Select(w => w.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("a56e87e7-7528-450e-9537-7a555a2c2a19", collection.Workspaces.Single(w => w.Name == "mlw-dev").PrincipalId);
        Assert.All(harness.Emulator.Requests.Where(r => r.Path.EndsWith("/workspaces", StringComparison.Ordinal)),
            r => Assert.Equal(ArmRoutes.WorkspacesApiVersion, r.Parameter("api-version")));
    }

    [Fact]
    public async Task AllowRoleAssignmentOnRGShowsOnlyInThePreviewVersion()
    {
        const string Id = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
        var emulator = await ArmEmulator.ArmEmulator.StartAsync(AmlRbac.Sources.SampleTenant.Load(), new EmulatorOptions
        {
            ArmToken = LiveHarness.ArmToken,
            GraphToken = LiveHarness.GraphToken,
            Workspaces = new[] { new EmulatedWorkspace { Id = Id, PrincipalId = "a56e87e7-7528-450e-9537-7a555a2c2a19", AllowRoleAssignmentOnRG = false } },
        });
        await using (emulator)
        {
            using var http = new HttpClient();
            var collector = LiveTenantCollector.Create(http, new StaticTokenSource(LiveHarness.ArmToken, LiveHarness.GraphToken),
                new LiveClientOptions { Endpoints = new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl) });
            var collection = await collector.CollectAsync(new[] { Scope.Parse(Id) });

            // The collection reads the stable version, which has no allowRoleAssignmentOnRG.
            Assert.Null(Assert.Single(collection.Workspaces).AllowRoleAssignmentOnResourceGroup);
            Assert.Contains(emulator.Requests, r => r.Method == "GET" && r.Path == Id && r.Parameter("api-version") == "2025-09-01");

            var arm = new ArmClient(http, new StaticTokenSource(LiveHarness.ArmToken), new LiveClientOptions { Endpoints = new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl) });
            var preview = await arm.GetAsync(Id, ArmRoutes.WorkspacesPreviewApiVersion);
            Assert.False(preview.GetProperty("properties").GetProperty("allowRoleAssignmentOnRG").GetBoolean());
        }
    }
}
