using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// Which catalog operations Azure checks only at a subscription or the tenant root, each by the REST route that says
/// so (Providers_Register https://learn.microsoft.com/rest/api/resources/providers/register; Usages_List
/// https://learn.microsoft.com/rest/api/azureml/usages/list; elevate access
/// https://learn.microsoft.com/azure/role-based-access-control/elevate-access-global-admin).
/// </summary>
public sealed class ScopeRestrictionTests
{
    [Theory]
    [InlineData("Microsoft.MachineLearningServices/register/action", ScopeLevel.Subscription, "Providers_Register")]
    [InlineData("Microsoft.ContainerRegistry/unregister/action", ScopeLevel.Subscription, "Providers_Unregister")]
    [InlineData("Microsoft.MachineLearningServices/locations/updateQuotas/action", ScopeLevel.Subscription, "/locations/")]
    [InlineData("Microsoft.Storage/checknameavailability/read", ScopeLevel.Subscription, "checkNameAvailability")]
    [InlineData("Microsoft.Features/providers/features/register/action", ScopeLevel.Subscription, "Features_Register")]
    [InlineData("Microsoft.Authorization/elevateAccess/action", ScopeLevel.Root, "root scope")]
    public void An_operation_checked_only_above_resource_groups_says_where_and_why(string name, ScopeLevel level, string cited)
    {
        var operation = AmlCatalog.Default.FindOperation(name);

        Assert.NotNull(operation);
        Assert.NotNull(operation.CheckedOnlyAt);
        Assert.Equal(level, operation.CheckedOnlyAt.Level);
        Assert.Contains(cited, operation.CheckedOnlyAt.Rule);
        Assert.Contains("https://learn.microsoft.com/", operation.CheckedOnlyAt.Rule);
    }

    [Theory]
    [InlineData("Microsoft.MachineLearningServices/workspaces/computes/write")]
    [InlineData("Microsoft.MachineLearningServices/workspaces/read")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read")]
    [InlineData("Microsoft.Features/operations/read")]
    [InlineData("Microsoft.Resources/subscriptions/resourceGroups/write")]
    public void An_operation_of_a_resource_is_checked_where_its_resource_is(string name)
    {
        var operation = AmlCatalog.Default.FindOperation(name);

        Assert.NotNull(operation);
        Assert.Null(operation.CheckedOnlyAt);
    }
}
