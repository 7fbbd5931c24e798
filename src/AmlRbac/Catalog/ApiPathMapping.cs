namespace AmlRbac.Catalog;

/// <summary>
/// Where one kind of Azure ML asset lives in the operation names of the V1 API and of the V2 API, from the
/// table "Differences between actions for V1 and V2 APIs" of "Manage access to Azure Machine Learning
/// workspaces" [MLROLES]. A custom role works with both APIs when it names both paths, or a wildcard
/// covering both (the article's example: "Microsoft.MachineLearningServices/workspaces/datasets/*/read").
/// </summary>
/// <param name="Asset">The asset as the table names it ("Dataset", "Models", ...).</param>
/// <param name="V1Path">Operation-name prefix of the asset in the V1 API.</param>
/// <param name="V2Path">Operation-name prefix of the asset in the V2 API.</param>
public sealed record ApiPathMapping(string Asset, string V1Path, string V2Path)
{
    /// <summary>The document, section and row the mapping comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Where the path differs from the published table, what was published and why it was changed.</summary>
    public string? Notes { get; init; }
}
