using System.Text.Json;

namespace AmlRbac.Catalog;

/// <summary>The built-ins of Catalog/Data/posture-enforcement.json, in file order (workspace checks, then compute checks).</summary>
public static class PostureEnforcements
{
    private const string FileName = "posture-enforcement.json";
    private static readonly Lazy<IReadOnlyList<PostureEnforcement>> Embedded = new(Load);

    private static readonly JsonSerializerOptions DataOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<PostureEnforcement> All => Embedded.Value;

    /// <summary>The entry for a built-in's name (GUID) or id, or null when AmlRbac does not assign it for posture.</summary>
    public static PostureEnforcement? Find(string nameOrId)
    {
        var name = nameOrId.Trim();
        return All.FirstOrDefault(e => string.Equals(e.Definition, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.DefinitionId, name, StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<PostureEnforcement> Load()
    {
        using var stream = CatalogResources.Open(FileName);
        return JsonSerializer.Deserialize<List<PostureEnforcement>>(stream, DataOptions)
            ?? throw new InvalidOperationException($"The embedded catalog file '{FileName}' is empty.");
    }
}
