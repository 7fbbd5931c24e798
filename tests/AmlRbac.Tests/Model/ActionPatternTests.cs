using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

/// <summary>The wildcard rule of <see cref="ActionPattern"/>, one test per clause of its comment.</summary>
public sealed class ActionPatternTests
{
    [Fact]
    public void Matching_ignores_case()
    {
        Assert.True(new ActionPattern("microsoft.machinelearningservices/WORKSPACES/*").Matches("Microsoft.MachineLearningServices/workspaces/read"));
        Assert.True(new ActionPattern("Microsoft.Authorization/*/Write").Matches("Microsoft.Authorization/roleAssignments/write"));
    }

    [Fact]
    public void A_literal_matches_only_the_same_operation()
    {
        var pattern = new ActionPattern("Microsoft.MachineLearningServices/workspaces/read");

        Assert.True(pattern.Matches("microsoft.machinelearningservices/workspaces/READ"));
        Assert.False(pattern.Matches("Microsoft.MachineLearningServices/workspaces/readers/read"));
        Assert.False(pattern.Matches("Microsoft.MachineLearningServices/workspaces"));
    }

    [Fact]
    public void A_trailing_star_covers_several_segments()
    {
        // [CR] custom-roles.md: "Microsoft.CostManagement/exports/*" covers exports/run/action.
        Assert.True(new ActionPattern("Microsoft.CostManagement/exports/*").Matches("Microsoft.CostManagement/exports/run/action"));
        Assert.False(new ActionPattern("Microsoft.CostManagement/exports/*").Matches("Microsoft.CostManagement/budgets/read"));
    }

    [Fact]
    public void A_leading_star_covers_every_provider()
    {
        // [RD] role-definitions.md: "*/read" grants read on every resource type of every provider.
        var pattern = new ActionPattern("*/read");

        Assert.True(pattern.Matches("Microsoft.Storage/storageAccounts/read"));
        Assert.False(pattern.Matches("Microsoft.Storage/storageAccounts/write"));
    }

    [Fact]
    public void A_middle_segment_star_also_covers_zero_segments()
    {
        // Rule 3: AzureML Data Scientist's NotActions "workspaces/computes/*/write" must remove computes/write.
        var pattern = new ActionPattern("Microsoft.MachineLearningServices/workspaces/computes/*/write");

        Assert.True(pattern.Matches("Microsoft.MachineLearningServices/workspaces/computes/write"));
        Assert.True(pattern.Matches("Microsoft.MachineLearningServices/workspaces/computes/applicationaccess/nested/write"));
        Assert.False(pattern.Matches("Microsoft.MachineLearningServices/workspaces/computeswrite"));
    }

    [Fact]
    public void A_star_does_not_stretch_a_literal_segment()
    {
        // "workspaces/*/read" is about the workspaces type; "workspacesX" is another segment.
        Assert.False(new ActionPattern("Microsoft.MachineLearningServices/workspaces/*/read").Matches("Microsoft.MachineLearningServices/workspacesX/read"));
    }

    [Theory]
    [InlineData("Microsoft.MachineLearningServices/workspaces/*", false)]
    [InlineData("Microsoft.MachineLearningServices/*/computes/*", true)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/list*", true)]
    public void Undocumented_forms_are_marked_approximate(string text, bool approximate)
    {
        Assert.Equal(approximate, new ActionPattern(text).IsApproximate);
    }
}
