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
}
