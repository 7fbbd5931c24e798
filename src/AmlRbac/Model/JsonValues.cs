using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// Turns a parsed JSON document into plain values (string, long, double, bool, null, lists and
/// case-insensitive dictionaries), the same kind of values an Az object's property bag holds, so one
/// <c>SourceItem</c> reads both.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// The same plain values read straight from <paramref name="reader"/>, positioned on the first token of a
    /// value, without a JsonDocument; field names come from <paramref name="names"/>, so a name a large file
    /// repeats on every item is one string. Leaves the reader on the value's last token; when the reader's
    /// buffer ends inside the value (a block that is not final), it stops where the buffer ends, and the caller
    /// sees that the reader is not on the value's last token (see <c>JsonStream.Value</c>).
    /// </summary>
    public static object? From(ref Utf8JsonReader reader, FieldNames names)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var fields = new JsonFields();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = names.Of(ref reader);
                    reader.Read();
                    fields.TryAdd(name, From(ref reader, names));
                }
                return fields;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(From(ref reader, names));
                }
                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? integer : (object)reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

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
