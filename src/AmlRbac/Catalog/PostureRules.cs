using System.Text.Json;
using System.Text.Json.Serialization;
using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>The posture rules of Catalog/Data/posture-rules.json, in id order.</summary>
public static class PostureRules
{
    private const string FileName = "posture-rules.json";
    private static readonly Lazy<IReadOnlyList<PostureRule>> Embedded = new(Load);

    private static readonly JsonSerializerOptions DataOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<PostureRule> All => Embedded.Value;

    /// <summary>The rules with these ids (case-insensitive), in id order; all rules when none is given. Throws PostureRuleUnknown.</summary>
    public static IReadOnlyList<PostureRule> Select(IEnumerable<string>? ids)
    {
        var asked = ids?.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).ToList() ?? new List<string>();
        if (asked.Count == 0)
        {
            return All;
        }
        foreach (var id in asked.Where(id => !All.Any(r => r.Id.Equals(id, StringComparison.OrdinalIgnoreCase))))
        {
            throw new AmlRbacException(ErrorIds.PostureRuleUnknown, FailureCategory.InvalidArgument,
                $"There is no posture rule '{id}'; the rules are {All[0].Id} to {All[^1].Id} ({string.Join(", ", All.Select(r => r.Id))}).", id);
        }
        return All.Where(r => asked.Contains(r.Id, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private static IReadOnlyList<PostureRule> Load()
    {
        using var stream = CatalogResources.Open(FileName);
        var rules = JsonSerializer.Deserialize<List<PostureRule>>(stream, DataOptions)
            ?? throw new InvalidOperationException($"The embedded catalog file '{FileName}' is empty.");
        return rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }
}
