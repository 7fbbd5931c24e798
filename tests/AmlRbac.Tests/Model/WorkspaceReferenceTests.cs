using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

public sealed class WorkspaceReferenceTests
{
    [Fact]
    public void A_workspace_id_gives_its_resource_group()
    {
        var workspace = WorkspaceReference.Parse("/subscriptions/00000000-0000-0000-0000-00000000000A/resourcegroups/rg-ml/providers/microsoft.machinelearningservices/workspaces/ws1/");

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
        var error = Assert.Throws<AmlRbacException>(() => WorkspaceReference.Parse(id));

        Assert.Equal(ErrorIds.WorkspaceIdInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-00000000000a", "rg/x", "ws")]
    [InlineData("00000000-0000-0000-0000-00000000000a", "rg", " ")]
    public void Names_with_slashes_or_empty_are_refused(string subscription, string group, string name)
    {
        var error = Assert.Throws<AmlRbacException>(() => WorkspaceReference.From(subscription, group, name));
        Assert.Equal(ErrorIds.WorkspaceIdInvalid, error.ErrorId);
    }
}
