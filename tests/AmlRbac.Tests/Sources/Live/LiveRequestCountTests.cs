using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// What a collection costs: a fixed number of requests per scope asked (plus Graph's per principal
/// batch), however many resources and assignments lie below, as long as they fit the pages.
/// </summary>
public sealed class LiveRequestCountTests
{
    private const string Dev = "099041be-6a92-430e-9f47-32340e216c45";
    private const string Prod = "ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";

    [Fact]
    public async Task TheSampleTenantTakesAFixedCountPerScope()
    {
        await using var harness = await LiveHarness.StartAsync();
        var collection = await harness.Collector.CollectAsync(new[] { Scope.ForManagementGroup("contoso-ml") });
        var requests = harness.Emulator.Requests.Select(r => $"{r.Method} {r.Path}").ToList();
        // 1 getEntities + 4 authorization lists + 2 workspace lists (one per subscription under the group)
        // + 2 policy lists at the group (assignments, exemptions) + 2 per subscription under it (a group's lists hold
        // nothing below it) + 1 GET of the one definition both policy assignments name
        // + 1 getByIds + 1 member $batch (every group of the sample is assigned a role, so all are in the first level).
        Assert.Equal(1 + 4 + 2 + 2 + 2 * 2 + 1 + 2, collection.Requests);
        Assert.Equal(16, requests.Count);
        Assert.Equal(14, requests.Count(r => !r.Contains("/v1.0/", StringComparison.Ordinal)));

        harness.Emulator.ClearRequests();
        var twoSubscriptions = await harness.Collector.CollectAsync(new[] { Scope.ForSubscription(Dev), Scope.ForSubscription(Prod) });
        // 1 getEntities + (4 authorization lists + 1 workspace list + 2 policy lists) per subscription
        // + 1 definition (read once, though both subscriptions see an assignment naming it) + Graph as above.
        Assert.Equal(1 + 2 * 7 + 1 + 2, twoSubscriptions.Requests);
    }

    [Fact]
    public async Task EachSubscriptionUnderAnAskedGroupCostsAWorkspaceListAndTwoPolicyLists()
    {
        const string Third = "5b0c3f1e-2d4a-4c6b-8e9f-0a1b2c3d4e5f";
        var tenant = SampleTenant.Load();
        var withThird = tenant with
        {
            ManagementGroups = tenant.ManagementGroups.Select(g => g.Id == "contoso-ml" ? g with { Subscriptions = g.Subscriptions.Append(Third).ToList() } : g).ToList(),
        };
        await using var two = await LiveHarness.StartAsync();
        await using var three = await LiveHarness.StartAsync(withThird);
        var scope = new[] { Scope.ForManagementGroup("contoso-ml") };

        var twoCount = (await two.Collector.CollectAsync(scope)).Requests;
        var threeCount = (await three.Collector.CollectAsync(scope)).Requests;

        Assert.Equal(twoCount + 3, threeCount);
        Assert.Equal(
            new[] { "/providers/Microsoft.MachineLearningServices/workspaces", "/providers/Microsoft.Authorization/policyAssignments", "/providers/Microsoft.Authorization/policyExemptions" },
            three.Emulator.Requests.Where(r => r.Path.StartsWith("/subscriptions/" + Third, StringComparison.Ordinal)).Select(r => r.Path[("/subscriptions/" + Third).Length..]));
    }

    [Fact]
    public async Task MoreResourcesBelowAScopeCostNoMoreRequests()
    {
        var tenant = SampleTenant.Load();
        var many = Enumerable.Range(0, 60).Select(i => new RoleAssignment
        {
            Id = $"/subscriptions/{Dev}/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/st{i}/providers/Microsoft.Authorization/roleAssignments/{new Guid(i, 0, 0, new byte[8]):D}",
            RoleDefinitionId = "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            PrincipalId = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8",
            PrincipalType = PrincipalType.User,
            Scope = $"/subscriptions/{Dev}/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/st{i}",
        });
        // Policy too: an exemption per storage account, each of the management group's assignment.
        var exemptions = Enumerable.Range(0, 60).Select(i => tenant.Policy.Exemptions[0] with
        {
            Id = $"/subscriptions/{Dev}/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/st{i}/providers/Microsoft.Authorization/policyExemptions/x{i}",
            Name = $"x{i}",
            Scope = Scope.Parse($"/subscriptions/{Dev}/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/st{i}"),
        });
        await using var small = await LiveHarness.StartAsync();
        await using var large = await LiveHarness.StartAsync(tenant with
        {
            RoleAssignments = tenant.RoleAssignments.Concat(many).ToList(),
            Policy = tenant.Policy with { Exemptions = tenant.Policy.Exemptions.Concat(exemptions).ToList() },
        });
        var scope = new[] { Scope.ForManagementGroup("contoso-ml") };

        var smallCount = (await small.Collector.CollectAsync(scope)).Requests;
        var largeCollection = await large.Collector.CollectAsync(scope);

        Assert.Equal(tenant.RoleAssignments.Count + 60, largeCollection.Tenant.RoleAssignments.Count);
        Assert.Equal(tenant.Policy.Exemptions.Count + 60, largeCollection.Tenant.Policy.Exemptions.Count);
        Assert.Equal(smallCount, largeCollection.Requests);
    }
}
