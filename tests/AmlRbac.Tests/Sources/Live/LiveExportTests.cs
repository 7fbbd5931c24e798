using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>Export-AmlRbacSnapshot's engine against the emulator: what is written is what is served.</summary>
public sealed class LiveExportTests
{
    private static readonly Scope ContosoMl = Scope.ForManagementGroup("contoso-ml");

    [Theory]
    [InlineData(100)]
    [InlineData(1)]
    public async Task ExportOfTheManagementGroupEqualsTheServedTenant(int pageSize)
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: pageSize);
        var path = Path.Combine(Path.GetTempPath(), $"amlrbac-export-{Guid.NewGuid():N}.json");
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path);
            var exported = SnapshotReader.Read(path);
            var served = SampleTenant.Load();
            Assert.Equal(served.RoleAssignments.Count, exported.RoleAssignments.Count);
            Assert.Equal(LiveTenantComparison.Canonical(served), LiveTenantComparison.Canonical(exported));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheSpooledExportIsTheFileAWriteFromMemoryGivesEachAssignmentOnce()
    {
        // Two sibling subscriptions: each unfiltered list holds the assignments at contoso-ml above both, so the
        // spool meets those twice. Pages of one item put every assignment through the spool on its own.
        var scopes = new[] { Scope.ForSubscription("099041be-6a92-430e-9f47-32340e216c45"), Scope.ForSubscription("ca8f6624-e3a6-4a1a-a564-fa8ae65132f0") };
        await using var harness = await LiveHarness.StartAsync(pageSize: 1);
        var path = LiveFaultTests.TempPath();
        try
        {
            var exported = await LiveExport.ExportAsync(harness.Collector, scopes, path);
            var inMemory = await harness.Collector.CollectAsync(scopes, withResources: true);

            Assert.Empty(exported.Tenant.RoleAssignments);
            Assert.Contains(inMemory.Tenant.RoleAssignments, a => a.Scope.Equals("/providers/Microsoft.Management/managementGroups/contoso-ml", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(inMemory.Tenant.RoleAssignments, a => a.IsEligible);
            Assert.Equal(SnapshotWriter.ToJson(inMemory.Tenant), File.ReadAllText(path));
            Assert.Equal(inMemory.Counts, exported.Counts);
            Assert.Equal(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!, "*" + Path.GetFileName(path) + "*"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
