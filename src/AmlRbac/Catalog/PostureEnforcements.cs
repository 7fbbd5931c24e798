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

    /// <summary>The entry that enforces <paramref name="rule"/>, or null when no built-in AmlRbac assigns does.</summary>
    public static PostureEnforcement? For(PostureRule rule) => rule.PolicyDefinitionId is { } id
        ? All.FirstOrDefault(e => string.Equals(e.DefinitionId, id.Trim(), StringComparison.OrdinalIgnoreCase))
        : null;

    private static IReadOnlyList<PostureEnforcement> Load()
    {
        using var stream = CatalogResources.Open(FileName);
        return JsonSerializer.Deserialize<List<PostureEnforcement>>(stream, DataOptions)
            ?? throw new InvalidOperationException($"The embedded catalog file '{FileName}' is empty.");
    }
}
