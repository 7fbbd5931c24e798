using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// The models "which catalog models could this principal deploy" asks about when the user names none: the sample
/// requests of Catalog/Data/catalog-models.json (each with its source), then every full asset id the tenant's
/// policy assignments name in their parameters (restrictedModels, allowedAssetIds, allowedModels ...), since those
/// are the models its guardrails were written about. Partial ids (allowedAssetIds may hold prefixes [POL]) name no
/// one model and are left out.
/// </summary>
public static class CatalogModels
{
    private const string FileName = "catalog-models.json";
    private static readonly Lazy<IReadOnlyList<CatalogModel>> Embedded = new(Load);

    /// <summary>The embedded sample requests.</summary>
    public static IReadOnlyList<CatalogModel> Samples => Embedded.Value;

    /// <summary>The samples, then the asset ids the tenant's assignments name, each once (ids compare case-insensitively [RULE]).</summary>
    public static IReadOnlyList<CatalogModel> For(Tenant tenant)
    {
        var named = tenant.Policy.Assignments.SelectMany(a => a.Parameters
            .SelectMany(p => Strings(p.Value))
            .Select(text => ModelAsset.TryParse(text, out var asset, out _) ? asset : null)
            .OfType<ModelAsset>()
            .Select(asset => new CatalogModel(asset, $"named by policy assignment '{a.Name}' ({a.Id})")));
        return Samples.Concat(named).DistinctBy(m => m.Model.AssetId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string text => new[] { text },
        IEnumerable<object?> items => items.OfType<string>(),
        _ => Array.Empty<string>(),
    };

    private static IReadOnlyList<CatalogModel> Load()
    {
        using var stream = CatalogResources.Open(FileName);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.EnumerateArray()
            .Select(e => new CatalogModel(ModelAsset.Parse(e.GetProperty("assetId").GetString()), e.GetProperty("source").GetString()!))
            .ToList();
    }
}
