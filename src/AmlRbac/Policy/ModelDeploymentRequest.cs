using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// A model deployment into a workspace as the <c>Microsoft.MachineLearningServices.v2.Data</c> mode sees it: the
/// component type <c>Microsoft.MachineLearningServices.v2.Data/workspaces/deployments</c> and the fields every
/// published v2.Data definition reads: <c>model.assetId</c>, <c>model.registryName</c>, <c>model.publisher</c>
/// (the complete list over the built-ins of Azure/azure-policy [POL]). Any other field is Unknown, never guessed.
/// The mapping from the asset id to these fields is an assumption (see <see cref="ModelAsset"/>) and each answer
/// carries it as a note.
/// </summary>
internal sealed class ModelDeploymentRequest : IPolicyRequest
{
    public const string ComponentType = "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments";
    private const string AliasPrefix = ComponentType + "/";

    public ModelDeploymentRequest(Scope workspace, ModelAsset model)
    {
        Workspace = workspace;
        Model = model;
    }

    public Scope Workspace { get; }
    public ModelAsset Model { get; }

    public FieldLookup Field(string name)
    {
        if (string.Equals(name, "type", StringComparison.OrdinalIgnoreCase))
        {
            return FieldLookup.Present(ComponentType);
        }
        var property = name.StartsWith(AliasPrefix, StringComparison.OrdinalIgnoreCase) ? name[AliasPrefix.Length..] : null;
        switch (property?.ToLowerInvariant())
        {
            case "model.assetid" when Model.Label is { } label:
                return FieldLookup.Present(new KnownPrefix(Model.AssetId[..^($"labels/{label}".Length)], Model.AssetId),
                    $"model.assetId names label '{label}', which Azure ML resolves when it creates the deployment; whether the policy sees the label or the resolved version is not documented, so only the id's beginning is used (see https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments).");
            case "model.assetid":
                return FieldLookup.Present(Model.AssetId, Model.Kind == ModelAssetKind.Registry
                    ? "model.assetId is taken to be the versioned registry asset id as given; whether the resource provider includes '/versions/N' is not documented (see https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments)."
                    : "model.assetId of a workspace model is taken as given; the form the resource provider uses for workspace models is not documented (see https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments).");
            case "model.registryname":
                return Model.RegistryName is { } registry
                    ? FieldLookup.Present(registry, $"model.registryName '{registry}' is read from the asset id (\"You can find the underlying registry name in the model asset ID\" {PublicSource.RegistryDeploymentPolicies}).")
                    : FieldLookup.Absent("model.registryName is taken to be absent for a workspace model (not documented; see https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments).");
            case "model.publisher":
                return Model.Publisher is { } publisher
                    ? FieldLookup.Present(publisher)
                    : FieldLookup.Unknown("the model's publisher was not given, and no asset id form carries it (pass the publisher to evaluate this clause).");
            default:
                return FieldLookup.Unknown($"a model deployment request has no field '{name}'; the v2.Data fields in published definitions are type, model.assetId, model.registryName and model.publisher (the built-ins of https://github.com/Azure/azure-policy).");
        }
    }
}
