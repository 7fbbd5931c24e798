using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// Writes policy parameter values in ARM's JSON, for authored assignments, parameter files and snapshots. The texts
/// are built with <see cref="Model.JsonOutput"/>, so quotes and brackets stay readable ("[parameters('effect')]",
/// not "\u0027") and people can review what they apply.
/// </summary>
internal static class PolicyJsonWriter
{
    /// <summary>Assignment and set-member parameter values are written <c>{"name": {"value": ...}}</c> [ASSIGN].</summary>
    public static void WriteParameterValues(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> values)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in values)
        {
            writer.WriteStartObject(name);
            writer.WritePropertyName("value");
            WriteValue(writer, value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>A plain value: string, number, bool, null, or a list or object of them.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case IReadOnlyDictionary<string, object?> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, field);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType().Name} as a policy parameter value.", nameof(value));
        }
    }
}
