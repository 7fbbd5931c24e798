using System.Text.Json;
using Xunit;

namespace AmlRbac.Tests.Cli;

/// <summary>
/// --related-resource (#13 section 1): an activity checked on a resource beside the workspace is Unknown until the
/// question names it, then decided on it. Carol Diaz is Owner of the sample's production subscription.
/// </summary>
public sealed class CliRelatedResourceTests
{
    private const string ProdSubscription = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    private const string ProdWorkspace = ProdSubscription + "/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";
    private const string ProdSubnet = ProdSubscription + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-ml";
    private const string DevSubnet = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-dev/subnets/snet-ml";

    [Fact]
    public void A_vnet_deployment_without_the_network_is_unknown_and_says_which_option_to_give()
    {
        // "Deploy into a virtual network or subnet": the join actions are checked "on the virtual network resource"
        // and "on the subnet resource".
        var result = CliRunner.InProcess("test", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--activity", "DeployIntoVnet");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Unknown", result.Out);
        Assert.Contains("--related-resource", result.Out);
        Assert.Contains("virtual network", result.Out);
    }

    [Fact]
    public void A_named_subnet_decides_the_vnet_deployment_on_it()
    {
        var inHerSubscription = CliRunner.InProcess("test", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--activity", "DeployIntoVnet",
            "--related-resource", ProdSubnet, "--format", "json");
        var elsewhere = CliRunner.InProcess("test", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--activity", "DeployIntoVnet",
            "--related-resource", DevSubnet, "--format", "json");

        Assert.Equal(0, inHerSubscription.ExitCode);
        using var json = JsonDocument.Parse(inHerSubscription.Out);
        Assert.Equal("Allowed", json.RootElement.GetProperty("decision").GetString());
        var join = json.RootElement.GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("action").GetString() == "Microsoft.Network/virtualNetworks/subnets/join/action");
        Assert.Equal(ProdSubnet, join.GetProperty("scope").GetString());
        Assert.Contains(join.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "CheckedElsewhere" && r.GetProperty("checkedAt").GetString() == "Subnet");
        // Her Owner role is on the production subscription; the development network is outside it.
        Assert.Equal(1, elsewhere.ExitCode);
        using var refused = JsonDocument.Parse(elsewhere.Out);
        Assert.Equal("NotGranted", refused.RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void Access_by_activity_takes_related_resources_and_the_unknown_outcome_is_in_its_json()
    {
        var without = CliRunner.InProcess("access", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--by", "activity", "--format", "json");
        var with = CliRunner.InProcess("access", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--by", "activity", "--format", "json",
            "--related-resource", ProdSubnet);

        Assert.Equal(0, without.ExitCode);
        Assert.Equal("Unknown", DecisionOf(without.Out, "DeployIntoVnet"));
        Assert.Equal("Allowed", DecisionOf(with.Out, "DeployIntoVnet"));
    }

    [Fact]
    public void A_related_resource_of_no_known_kind_is_bad_input()
    {
        var id = ProdSubscription + "/resourceGroups/web/providers/Microsoft.Web/sites/app";
        var result = CliRunner.InProcess("test", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--activity", "DeployIntoVnet", "--related-resource", id);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"Related resource '{id}' is not accepted", result.Error);
        Assert.Contains("Microsoft.Network/virtualNetworks/subnets", result.Error);
    }

    [Fact]
    public void Related_resources_go_with_access_by_activity_only()
    {
        var result = CliRunner.InProcess("access", "--sample", "--principal", "Carol Diaz", "--scope", ProdWorkspace, "--related-resource", ProdSubnet);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--related-resource goes with --by activity", result.Error);
    }

    [Fact]
    public void Catalog_activities_shows_where_each_operation_is_checked()
    {
        var json = CliRunner.InProcess("catalog", "activities", "--format", "json");
        var text = CliRunner.InProcess("catalog", "activities");

        using var document = JsonDocument.Parse(json.Out);
        var studio = document.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "DeployOnlineEndpointFromStudio");
        var checkedAt = studio.GetProperty("operations").EnumerateArray()
            .ToDictionary(o => o.GetProperty("operation").GetString()!, o => o.GetProperty("checkedAt").GetString());
        Assert.Equal("ResourceGroup", checkedAt["Microsoft.Resources/deployments/write"]);
        Assert.Equal("Workspace", checkedAt["Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write"]);
        var jobs = document.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "SubmitRunV2")
            .GetProperty("operations").EnumerateArray().Single(o => o.GetProperty("operation").GetString() == "Microsoft.MachineLearningServices/workspaces/jobs/write");
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/jobs/*", jobs.GetProperty("documentedAs").GetString());
        Assert.Contains("checked at the resource group", text.Out.Replace("\n", " ").Replace("  ", " "));
    }

    private static string? DecisionOf(string json, string activity)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Single(a => a.GetProperty("activity").GetString() == activity).GetProperty("decision").GetString();
    }
}
