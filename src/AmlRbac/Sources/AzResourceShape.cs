using System.Collections;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A resource piped in from <c>Get-AzResource</c> (Az.Resources' PSResource: ResourceId, Name, ResourceType, Location,
/// Kind, Sku, Identity, and with <c>-ExpandProperties</c> the resource's Properties;
/// https://learn.microsoft.com/powershell/module/az.resources/get-azresource), read as the ARM object it was made
/// from, so the posture rules read it as they read a snapshot's resource sections. Only the kinds the sections hold
/// (a workspace, a compute, a private endpoint connection, a DNS zone group) are taken. Without -ExpandProperties
/// the object carries no properties and every rule says Unknown for it: the settings were not read.
/// </summary>
internal static class AzResourceShape
{
    /// <summary>The resource and the section it belongs in; null when the item is no resource of those kinds.</summary>
    public static (ArmResource Resource, ResourceSnapshotReader.ResourceSection Section)? TryRead(IReadOnlyDictionary<string, object?> fields, string itemDescription)
    {
        var item = new SourceItem(fields, InputOrigin.PipedObject(itemDescription), string.Empty);
        if (item.String("ResourceType") is not { } type || item.String("ResourceId") is not { } id
            || ResourceSnapshotReader.Sections.FirstOrDefault(s => s.Type.Equals(type, StringComparison.OrdinalIgnoreCase)) is not { } section)
        {
            return null;
        }
        var arm = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = item.String("Name"),
            ["type"] = type,
            ["location"] = item.String("Location"),
            ["kind"] = item.String("Kind"),
            ["sku"] = Get(fields, "Sku"),
            ["identity"] = Get(fields, "Identity"),
            ["properties"] = Get(fields, "Properties"),
        };
        return (ResourceSnapshotReader.ReadItem(JsonSerializer.SerializeToElement(Plain(arm)), section, InputOrigin.PipedObject(itemDescription), "ResourceId"), section);
    }

    private static object? Get(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    // The property bag's plain values (dictionaries, lists, scalars) as what JsonSerializer writes as JSON objects,
    // arrays and values; absent fields are left out, as ARM leaves them out.
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string or bool or DateTime or DateTimeOffset => value,
        IReadOnlyDictionary<string, object?> fields => fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => Plain(f.Value)),
        IDictionary dictionary => dictionary.Cast<DictionaryEntry>().Where(e => e.Value is not null).ToDictionary(e => e.Key.ToString() ?? string.Empty, e => Plain(e.Value)),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ when value.GetType().IsPrimitive || value is decimal => value,
        _ => value.ToString(),
    };
}
