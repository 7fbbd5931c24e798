using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// Turns a parsed JSON document into plain values (string, long, double, bool, null, lists and
/// case-insensitive dictionaries), the same kind of values an Az object's property bag holds, so one
/// <c>SourceItem</c> reads both.
/// </summary>
internal static class JsonValues
{
    public static object? From(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    fields.TryAdd(property.Name, From(property.Value));
                }
                return fields;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(From).ToList();
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out var integer) ? integer : (object)element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
