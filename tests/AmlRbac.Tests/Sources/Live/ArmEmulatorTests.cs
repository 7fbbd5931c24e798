using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// The emulator answers as ARM and Graph document: the $filter forms of role assignments, paging with
/// nextLink, api-version checks, bearer tokens, and Graph's transitive membership. Expected ids are the
/// sample tenant's (samples/README.md says who is in which group).
/// </summary>
public sealed class ArmEmulatorTests
{
    private const string Alice = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8";
    private const string DataScientists = "5a95c1c1-0507-470d-ac29-fc08dcb97738";
    private const string RgMlDev = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev";
    private const string MlwDev = RgMlDev + "/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    [Fact]
    public async Task AtScopeAndAssignedToKeepTheAssignmentsAboveThatReachThePrincipalThroughGroups()
    {
        await using var harness = await LiveHarness.StartAsync();
        var arm = Arm(harness);

        var names = await Names(arm, MlwDev, $"atScope() and assignedTo('{Alice}')");

        // ml-all at the management group, ml-data-scientists at the resource group and at the workspace.
        Assert.Equal(new[] { "296ccf71", "ae22abad", "fd26bb99" }, names);
    }

    [Fact]
    public async Task WithoutAFilterAListHoldsWhatIsAboveAndBelow()
    {
        await using var harness = await LiveHarness.StartAsync();
        Assert.Equal(new[] { "296ccf71", "a2767d8a", "ae22abad", "e796f005", "ece5a7bb", "fd26bb99" }, await Names(Arm(harness), RgMlDev, null));
        Assert.Equal(new[] { "296ccf71", "ae22abad", "ece5a7bb" }, await Names(Arm(harness), RgMlDev, "atScope()"));
        Assert.Equal(new[] { "ae22abad", "b5f92c18", "fd26bb99" },
            await Names(Arm(harness), "/providers/Microsoft.Management/managementGroups/contoso-ml", $"principalId eq '{DataScientists}'"));
    }

    [Fact]
    public async Task DescendantsAndDenyAssignmentsAnswerAsDocumented()
    {
        await using var harness = await LiveHarness.StartAsync();
        var arm = Arm(harness);

        var descendants = await arm.ListAsync("/providers/Microsoft.Management/managementGroups/contoso/descendants", ArmRoutes.ManagementGroupsApiVersion);
        Assert.Equal(
            new[] { "/providers/Microsoft.Management/managementGroups/contoso-ml", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0" },
            descendants.Select(d => d.GetProperty("id").GetString()).OrderBy(i => i, StringComparer.Ordinal));

        // The prod resource group's deny assignment names all principals, so it is assigned to anyone;
        // asked at its subscription, it is below: listed without a filter, left out by atScope().
        const string ProdSubscription = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
        const string ProdDeny = "c5dbd510-7b09-484e-9505-8c493a5a3abb";
        Assert.Contains(await arm.ListAsync(ProdSubscription + "/resourceGroups/rg-ml-prod/providers/Microsoft.Authorization/denyAssignments", ArmRoutes.AuthorizationApiVersion, $"atScope() and assignedTo('{Alice}')"),
            d => d.GetProperty("name").GetString() == ProdDeny);
        Assert.Contains(await arm.ListAsync(ProdSubscription + "/providers/Microsoft.Authorization/denyAssignments", ArmRoutes.AuthorizationApiVersion),
            d => d.GetProperty("name").GetString() == ProdDeny);
        Assert.DoesNotContain(await arm.ListAsync(ProdSubscription + "/providers/Microsoft.Authorization/denyAssignments", ArmRoutes.AuthorizationApiVersion, "atScope()"),
            d => d.GetProperty("name").GetString() == ProdDeny);
    }

    [Fact]
    public async Task ListsArePagedThroughNextLink()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        var arm = Arm(harness);
        var pages = new List<int>();
        await foreach (var page in arm.ListPagesAsync("/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/roleAssignments", ArmRoutes.AuthorizationApiVersion))
        {
            pages.Add(page.Items.Count);
        }

        Assert.Equal(new[] { 2, 2, 2, 2, 2, 2, 1 }, pages);
        Assert.Equal(6, harness.Emulator.Requests.Count(r => r.Parameter("$skipToken") is not null));
    }

    [Fact]
    public async Task AnUnknownApiVersionIsRefusedAsArmDoes()
    {
        await using var harness = await LiveHarness.StartAsync();
        var error = await Assert.ThrowsAsync<AmlRbacException>(() => Arm(harness).ListAsync(RgMlDev + "/providers/Microsoft.Authorization/roleAssignments", "2015-07-01"));
        Assert.Equal(ErrorIds.ArmRequestFailed, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Contains("InvalidApiVersionParameter", error.Message);
    }

    [Fact]
    public async Task ARequestWithoutTheTokenIs401AndRecordedAsUnauthorized()
    {
        await using var harness = await LiveHarness.StartAsync();
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri(harness.Emulator.BaseUrl, "subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Assert.Single(harness.Emulator.Requests).Authorized);
        Assert.Contains("InvalidAuthenticationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GraphGivesTransitiveMembershipAndBatches()
    {
        await using var harness = await LiveHarness.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LiveHarness.GraphToken);

        using var memberOf = JsonDocument.Parse(await http.GetStringAsync(new Uri(harness.Emulator.GraphUrl, $"users/{Alice}/transitiveMemberOf")));
        Assert.Equal(new[] { "ml-all", "ml-data-scientists" },
            memberOf.RootElement.GetProperty("value").EnumerateArray().Select(g => g.GetProperty("displayName").GetString()).OrderBy(n => n, StringComparer.Ordinal));

        var batch = new StringContent("""{"requests":[{"id":"1","method":"GET","url":"/groups/b0300632-fffb-40df-a775-f217caa9756a/transitiveMembers"},{"id":"2","method":"GET","url":"/users?$filter=userPrincipalName eq 'bob@contoso.com'"}]}""",
            System.Text.Encoding.UTF8, "application/json");
        var posted = await http.PostAsync(new Uri(harness.Emulator.GraphUrl, "$batch"), batch);
        var text = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, $"{posted.StatusCode} {text}");
        using var answer = JsonDocument.Parse(text);
        var responses = answer.RootElement.GetProperty("responses").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        // ml-all holds two groups and three users directly, and Alice and Bob through ml-data-scientists, sp-mlops through ml-mlops.
        Assert.Equal(8, responses["1"].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal("588b8f66-b284-43e5-932a-21ade104cbfe", responses["2"].GetProperty("body").GetProperty("value")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ALaterPageComesFromTheListOfTheFirstPageUntilTheStoreChanges()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LiveHarness.ArmToken);
        async Task<(string[] Names, string? Next)> Page(Uri url)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync(url));
            var names = page.RootElement.GetProperty("value").EnumerateArray().Select(a => a.GetProperty("name").GetString()![..8]).ToArray();
            return (names, page.RootElement.TryGetProperty("nextLink", out var next) ? next.GetString() : null);
        }

        var list = new Uri(harness.Emulator.BaseUrl, RgMlDev.TrimStart('/') + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01");
        var first = await Page(list);
        var second = await Page(new Uri(first.Next!));
        // A page asked again (a client's retry) is the same page.
        Assert.Equal(second.Names, (await Page(new Uri(first.Next!))).Names);
        var third = await Page(new Uri(second.Next!));
        Assert.Null(third.Next);
        Assert.Equal(new[] { "296ccf71", "a2767d8a", "ae22abad", "e796f005", "ece5a7bb", "fd26bb99" },
            first.Names.Concat(second.Names).Concat(third.Names).Order(StringComparer.Ordinal));

        // Once the store changes, the next page is cut from the list as it is now.
        var again = await Page(list);
        harness.Emulator.Store.Write(s => s.RoleAssignments.Clear());
        Assert.Empty((await Page(new Uri(again.Next!))).Names);
    }

    [Fact]
    public async Task TheStoreIsMutableAndReadsSeeChanges()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Store.Write(s => s.RoleAssignments.RemoveAll(a => a["name"]!.GetValue<string>().StartsWith("fd26bb99", StringComparison.Ordinal)));

        Assert.Equal(new[] { "296ccf71", "ae22abad" }, await Names(Arm(harness), MlwDev, $"atScope() and assignedTo('{Alice}')"));
        Assert.Equal(SampleTenant.Load().RoleAssignments.Count - 1, harness.Emulator.Store.ToTenant().RoleAssignments.Count);
    }

    private static ArmClient Arm(LiveHarness harness) => new(harness.Http, new StaticTokenSource(LiveHarness.ArmToken, LiveHarness.GraphToken), harness.Options);

    private static async Task<string[]> Names(ArmClient arm, string scope, string? filter) =>
        (await arm.ListAsync(scope + "/providers/Microsoft.Authorization/roleAssignments", ArmRoutes.AuthorizationApiVersion, filter))
            .Select(a => a.GetProperty("name").GetString()![..8])
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
}
