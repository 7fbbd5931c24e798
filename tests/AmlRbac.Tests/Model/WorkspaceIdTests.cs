using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

public sealed class WorkspaceIdTests
{
    [Fact]
    public void A_workspace_id_gives_its_resource_group()
    {
        var workspace = WorkspaceId.Parse("/subscriptions/00000000-0000-0000-0000-00000000000A/resourcegroups/rg-ml/providers/microsoft.machinelearningservices/workspaces/ws1/");

        Assert.Equal("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml", workspace.ResourceGroup);
        Assert.Equal("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1", workspace.Id);
        Assert.Equal("ws1", workspace.Name);
    }

    [Theory]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/sa")]
    [InlineData("/subscriptions/not-a-guid/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1")]
    [InlineData("")]
    public void Anything_else_is_WorkspaceIdInvalid_naming_the_input(string id)
    {
        var error = Assert.Throws<AmlRbacException>(() => WorkspaceId.Parse(id));

        Assert.Equal(ErrorIds.WorkspaceIdInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-00000000000a", "rg/x", "ws")]
    [InlineData("00000000-0000-0000-0000-00000000000a", "rg", " ")]
    public void Names_with_slashes_or_empty_are_refused(string subscription, string group, string name)
    {
        var error = Assert.Throws<AmlRbacException>(() => WorkspaceId.From(subscription, group, name));
        Assert.Equal(ErrorIds.WorkspaceIdInvalid, error.ErrorId);
    }

    [Theory]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1", true)]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/cpu", false)]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/registries/reg1", false)]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-ml", false)]
    [InlineData("/providers/Microsoft.Management/managementGroups/mg1", false)]
    public void The_scope_a_workspace_is_and_no_other_is_one_the_policy_rules_and_the_collector_read_the_same_way(string scope, bool isWorkspace)
    {
        var workspace = WorkspaceId.Of(Scope.Parse(scope));

        Assert.Equal(isWorkspace, workspace is not null);
        if (isWorkspace)
        {
            Assert.Equal("ws1", workspace!.Name);
        }
    }
}
