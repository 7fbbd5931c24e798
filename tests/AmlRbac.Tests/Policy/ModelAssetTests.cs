using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Policy;

/// <summary>The documented asset id forms parse; anything else fails with ModelAssetIdInvalid.</summary>
public sealed class ModelAssetTests
{
    [Fact]
    public void A_registry_model_id_names_its_registry()
    {
        var asset = ModelAsset.Parse(" azureml://registries/azure-openai/models/gpt-35-turbo/versions/3 ");

        Assert.Equal(ModelAssetKind.Registry, asset.Kind);
        Assert.Equal("azure-openai", asset.RegistryName);
        Assert.Equal("gpt-35-turbo", asset.Name);
        Assert.Equal("3", asset.Version);
        Assert.Null(asset.Label);
        Assert.Equal("azureml://registries/azure-openai/models/gpt-35-turbo/versions/3", asset.AssetId);
        Assert.Null(asset.Publisher);
    }

    [Fact]
    public void A_registry_model_may_be_named_by_label()
    {
        var asset = ModelAsset.Parse("azureml://registries/HuggingFace/models/bert-base-uncased/labels/latest");

        Assert.Equal(ModelAssetKind.Registry, asset.Kind);
        Assert.Equal(("HuggingFace", "bert-base-uncased"), (asset.RegistryName, asset.Name));
        Assert.Null(asset.Version);
        Assert.Equal("latest", asset.Label);
    }

    [Fact]
    public void A_workspace_model_short_form_has_no_registry()
    {
        var asset = ModelAsset.Parse("azureml:credit-default:3");

        Assert.Equal(ModelAssetKind.Workspace, asset.Kind);
        Assert.Null(asset.RegistryName);
        Assert.Equal(("credit-default", "3"), (asset.Name, asset.Version));
    }

    [Fact]
    public void A_workspace_model_long_form_is_an_arm_id()
    {
        var asset = ModelAsset.Parse("azureml:/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/models/m/versions/2");

        Assert.Equal(ModelAssetKind.Workspace, asset.Kind);
        Assert.Equal(("m", "2"), (asset.Name, asset.Version));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("azureml://registries/azureml/models/phi", "pin the version")]
    [InlineData("azureml://registries/azureml/models/phi/versions/", "pin the version")]
    [InlineData("azureml://registries/azureml/models/phi/tags/latest", "pin the version")]
    [InlineData("azureml://registries/*/models/phi/versions/1", "no wildcard")]
    [InlineData("azureml:phi@latest", "'@latest' is resolved by Azure ML")]
    [InlineData("azureml:phi", "short form is azureml:{name}:{version}")]
    [InlineData("azureml:/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg/models/m/versions/2", "long form")]
    [InlineData("https://example.com/model", "expected azureml://registries/")]
    public void Other_ids_are_invalid(string text, string reason)
    {
        var error = Assert.Throws<AmlRbacException>(() => ModelAsset.Parse(text));

        Assert.Equal(ErrorIds.ModelAssetIdInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Contains(reason, error.Message);
    }
}
