using System.Diagnostics.CodeAnalysis;

namespace AmlRbac.Model;

/// <summary>
/// The model a deployment would serve, named by its asset id. The documented forms:
/// <list type="bullet">
/// <item>Registry model: <c>azureml://registries/{registry}/models/{name}/versions/{version}</c>. An online deployment
/// references a registry model as <c>model: azureml://registries/&lt;registry-name&gt;/models/nyc-taxi-model/versions/1</c>
/// [SHARE]; the Foundry doc's model ids have the same shape, e.g.
/// <c>azureml://registries/azure-openai/models/gpt-35-turbo/versions/3</c> [FOUNDRY]; the Cognitive Services SDK
/// documents "Example: azureml://registries/{registry}/models/{model}/versions/{version}"
/// (https://learn.microsoft.com/dotnet/api/azure.resourcemanager.cognitiveservices.models.cognitiveservicesmanagedcomputedeploymentproperties.model).</item>
/// <item>Registry model by label: <c>azureml://registries/{registry}/models/{name}/labels/{label}</c>. The Azure ML doc
/// "Deploy models from HuggingFace hub" (MicrosoftDocs/azure-ai-docs articles/machine-learning/how-to-deploy-models-from-huggingface.md,
/// https://learn.microsoft.com/azure/machine-learning/how-to-deploy-models-from-huggingface) calls
/// <c>azureml://registries/HuggingFace/models/bert-base-uncased/labels/latest</c> "the fully qualified model asset id" of
/// an online deployment. Azure ML resolves the label when it creates the deployment, and whether the policy then sees
/// the label or the resolved version is not documented: only the id's beginning
/// <c>azureml://registries/{registry}/models/{name}/</c> is certain, and the evaluator uses no more (<c>KnownPrefix</c>).</item>
/// <item>Workspace model, shorthand <c>azureml:{name}:{version}</c>, or longhand <c>azureml:</c> followed by the ARM id
/// <c>/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}/models/{name}/versions/{v}</c>
/// ("CLI (v2) core YAML syntax", https://learn.microsoft.com/azure/machine-learning/reference-yaml-core-syntax).</item>
/// </list>
/// <c>azureml:{name}@latest</c> is documented too but names no version: Azure ML resolves it when the deployment is
/// created, and since a workspace model has two documented id forms, not even the beginning of the id the policy sees
/// is known; the form is rejected.
/// <para>
/// How the asset id is derived from a deployment request is NOT documented ([MLREG], [FOUNDRY] do not say): the v2.Data
/// component carries <c>model.assetId</c>, <c>model.registryName</c> and <c>model.publisher</c> [POL], but no source
/// says how the resource provider fills them from an ARM request, i.e. from an online deployment's
/// <c>properties.model</c> or a serverless endpoint's <c>properties.modelSettings.modelId</c> (the aliases of those
/// paths exist only in Indexed/All mode [ALIASES]). AmlRbac therefore takes the asset id as the caller's input and
/// labels what it derives from it as assumptions (see <c>ModelDeploymentRequest</c>).
/// </para>
/// <para>
/// Source conflict on matching: the Foundry doc says the model id "must be an exact match" [FOUNDRY],
/// while 12e5dd16 compares with <c>contains</c> and its parameter text allows "partial assetIds" [POL]; the evaluator
/// follows the definition. Whether <c>model.assetId</c> includes <c>/versions/N</c> is also open (no page says): this
/// type keeps the id as given, with its version, as the documented forms do, so a restricted entry without the
/// version does not match a versioned id.
/// </para>
/// </summary>
public sealed record ModelAsset
{
    private const string RegistryPrefix = "azureml://registries/";
    private const string WorkspacePrefix = "azureml:";

    private ModelAsset(string assetId, ModelAssetKind kind, string? registryName, string name, string? version, string? label = null)
    {
        AssetId = assetId;
        Kind = kind;
        RegistryName = registryName;
        Name = name;
        Version = version;
        Label = label;
    }

    /// <summary>The id as given (trimmed); conditions compare it case-insensitively [RULE].</summary>
    public string AssetId { get; }
    public ModelAssetKind Kind { get; }

    /// <summary>The registry, for a registry model: "You can find the underlying registry name in the model asset ID" [MLREG].</summary>
    public string? RegistryName { get; }
    public string Name { get; }

    /// <summary>The version; null when the id names a <see cref="Label"/> instead.</summary>
    public string? Version { get; }

    /// <summary>The label of a registry model named by label ("latest"); null when a version is named.</summary>
    public string? Label { get; }

    /// <summary>
    /// The model's publisher, when the caller knows it. No asset id form carries it, so 12e5dd16's
    /// <c>model.publisher</c> clause is Unknown unless it is given.
    /// </summary>
    public string? Publisher { get; init; }

    /// <summary>Parses an asset id or throws <see cref="AmlRbacException"/> with <see cref="ErrorIds.ModelAssetIdInvalid"/>.</summary>
    public static ModelAsset Parse(string? text) =>
        TryParse(text, out var asset, out var error)
            ? asset
            : throw new AmlRbacException(ErrorIds.ModelAssetIdInvalid, FailureCategory.InvalidArgument, $"Model asset id '{text}' is not valid: {error}", text);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelAsset? asset, [NotNullWhen(false)] out string? error)
    {
        asset = null;
        var id = text?.Trim() ?? "";
        if (id.Length == 0)
        {
            error = "it is empty.";
            return false;
        }
        if (id.Contains('*') || id.Any(char.IsWhiteSpace))
        {
            error = "an asset id contains no wildcard or white space.";
            return false;
        }
        if (id.StartsWith(RegistryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRegistry(id, out asset, out error);
        }
        if (id.StartsWith(WorkspacePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseWorkspace(id, out asset, out error);
        }
        error = "expected azureml://registries/{registry}/models/{name}/versions/{version}, azureml:{name}:{version} "
            + "or azureml:/subscriptions/.../workspaces/{workspace}/models/{name}/versions/{version}.";
        return false;
    }

    // azureml://registries/{registry}/models/{name}/versions/{version} or .../labels/{label}
    private static bool TryParseRegistry(string id, [NotNullWhen(true)] out ModelAsset? asset, [NotNullWhen(false)] out string? error)
    {
        asset = null;
        var segments = id[RegistryPrefix.Length..].Split('/');
        if (segments.Length != 5 || !Is(segments[1], "models") || !(Is(segments[3], "versions") || Is(segments[3], "labels")) || segments.Any(s => s.Length == 0))
        {
            error = "a registry model id is azureml://registries/{registry}/models/{name}/versions/{version} "
                + "(or .../labels/{label}; pin the version where you can: the policy compares the whole id).";
            return false;
        }
        asset = Is(segments[3], "versions")
            ? new ModelAsset(id, ModelAssetKind.Registry, segments[0], segments[2], segments[4])
            : new ModelAsset(id, ModelAssetKind.Registry, segments[0], segments[2], null, segments[4]);
        error = null;
        return true;
    }

    // azureml:{name}:{version} or azureml:/subscriptions/.../workspaces/{ws}/models/{name}/versions/{version}
    private static bool TryParseWorkspace(string id, [NotNullWhen(true)] out ModelAsset? asset, [NotNullWhen(false)] out string? error)
    {
        asset = null;
        var rest = id[WorkspacePrefix.Length..];
        if (rest.StartsWith('/'))
        {
            var segments = rest[1..].Split('/');
            var models = segments.Length - 4;
            if (segments.Length < 4 || !Is(segments[models], "models") || !Is(segments[models + 2], "versions")
                || segments.Any(s => s.Length == 0)
                || !Scope.TryParse(string.Concat("/", string.Join('/', segments, 0, models)), out var workspace, out _)
                || !workspace.Value.Contains("/providers/Microsoft.MachineLearningServices/workspaces/", StringComparison.OrdinalIgnoreCase))
            {
                error = "a workspace model's long form is azureml:/subscriptions/{s}/resourceGroups/{rg}/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/{workspace}/models/{name}/versions/{version}.";
                return false;
            }
            asset = new ModelAsset(id, ModelAssetKind.Workspace, null, segments[models + 1], segments[models + 3]);
            error = null;
            return true;
        }
        if (rest.Contains('@'))
        {
            error = "'@latest' is resolved by Azure ML when the deployment is created; give the version (azureml:{name}:{version}).";
            return false;
        }
        var parts = rest.Split(':');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Contains('/')))
        {
            error = "a workspace model's short form is azureml:{name}:{version}.";
            return false;
        }
        asset = new ModelAsset(id, ModelAssetKind.Workspace, null, parts[0], parts[1]);
        error = null;
        return true;
    }

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => AssetId;
}
