using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmlRbac.Catalog;

/// <summary>The privileged operations of Catalog/Data/privileged-operations.json, in file order (role assignment first, then secrets).</summary>
public static class PrivilegedOperations
{
    private const string FileName = "privileged-operations.json";
    private static readonly Lazy<IReadOnlyList<PrivilegedOperation>> Embedded = new(Load);

    private static readonly JsonSerializerOptions DataOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<PrivilegedOperation> All => Embedded.Value;

    private static IReadOnlyList<PrivilegedOperation> Load()
    {
        using var stream = CatalogResources.Open(FileName);
        return JsonSerializer.Deserialize<List<PrivilegedOperation>>(stream, DataOptions)
            ?? throw new InvalidOperationException($"The embedded catalog file '{FileName}' is empty.");
    }
}
