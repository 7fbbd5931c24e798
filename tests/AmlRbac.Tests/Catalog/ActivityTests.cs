using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Tests.Catalog;

/// <summary>The activities of [MLROLES] "Common scenarios": named as users type them, and every action real.</summary>
public sealed class ActivityTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    public static TheoryData<string> ActivityNames()
    {
        var data = new TheoryData<string>();
        foreach (var activity in Catalog.Activities)
        {
            data.Add(activity.Name);
        }
        return data;
    }

    [Fact]
    public void Names_are_unique_ignoring_case()
    {
        var duplicates = Catalog.Activities.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void Name_is_PascalCase(string name)
    {
        Assert.Matches(new Regex("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$"), name);
    }

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void Every_action_resolves_to_a_catalog_operation_or_lies_outside_the_catalog(string name)
    {
        var activity = Catalog.GetActivity(name);

        Assert.NotEmpty(activity.Actions);
        foreach (var action in activity.Actions)
        {
            var kind = CatalogCheck.Classify(Catalog, action, dataPlane: false);
            Assert.True(kind is null or CatalogFindingKind.OutsideCatalog, $"{name}: '{action}' is {kind}.");
        }
    }

    [Theory]
    [MemberData(nameof(ActivityNames))]
    public void Carries_its_source(string name)
    {
        // Batch endpoints have no row in how-to-assign-roles: their page is "Authorization on batch endpoints".
        Assert.Matches("https://learn\\.microsoft\\.com/azure/machine-learning/(how-to-assign-roles|how-to-authenticate-batch-endpoint)", Catalog.GetActivity(name).Source);
    }

    [Theory]
    [InlineData("SubmitRunV2", "Microsoft.MachineLearningServices/workspaces/codes/versions/write")]
    [InlineData("SubmitRunV2", "Microsoft.MachineLearningServices/workspaces/jobs/write")]
    [InlineData("SubmitRunV1", "Microsoft.MachineLearningServices/workspaces/experiments/runs/submit/action")]
    [InlineData("PublishPipelineV2", "Microsoft.MachineLearningServices/workspaces/components/versions/write")]
    [InlineData("ScoreAksEndpointWithToken", "Microsoft.MachineLearningServices/workspaces/read")]
    [InlineData("MlflowReadModels", "Microsoft.MachineLearningServices/workspaces/models/versions/read")]
    public void Covers_the_operation_its_row_needs(string name, string operation)
    {
        var activity = Catalog.GetActivity(name);

        Assert.Contains(activity.Actions, a => new ActionPattern(a).Matches(operation));
    }

    [Theory]
    [InlineData("RequestQuota", ScopeLevel.Subscription)]
    [InlineData("CreateCustomRole", ScopeLevel.Subscription)]
    [InlineData("CreateWorkspace", ScopeLevel.ResourceGroup)]
    [InlineData("DeployOnlineEndpointFromStudio", ScopeLevel.ResourceGroup)]
    [InlineData("CreateComputeCluster", ScopeLevel.Resource)]
    public void Least_scope_is_the_tables_column(string name, ScopeLevel expected)
    {
        Assert.Equal(expected, Catalog.GetActivity(name).LeastScope);
    }

    [Fact]
    public void An_unknown_activity_fails_with_a_suggestion()
    {
        var error = Assert.Throws<AmlRbacException>(() => Catalog.GetActivity("SubmitRunV3"));

        Assert.Equal(ErrorIds.ActivityUnknown, error.ErrorId);
        Assert.Contains("SubmitRunV", error.Message);
    }
}
