using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Model;

/// <summary>The resources a source names: what the recursive access, the estate and the report walk.</summary>
public sealed class AmlResourcesTests
{
    [Fact]
    public void The_computes_a_snapshot_lists_are_resources_even_with_nothing_assigned_on_them()
    {
        // The sample's computes section lists ci-erin in mlw-dev; no assignment, deny or policy names it.
        const string CiErin = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/computes/ci-erin";
        var tenant = SampleTenant.Load();
        Assert.DoesNotContain(tenant.RoleAssignments, a => a.Scope.Equals(CiErin, StringComparison.OrdinalIgnoreCase));

        var resources = AmlResources.Named(tenant);

        Assert.Contains(resources, r => r.Id.Equals(CiErin, StringComparison.OrdinalIgnoreCase));
    }
}
