using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// How every JSON text AmlRbac writes (reports, snapshots, role files, policy drafts) is written, in one
/// place so the outputs keep to the same rules: indented; quotes, apostrophes and '&amp;' left readable
/// (no \u0027 escapes: the texts are for terminals and files, not HTML pages); a string property with no
/// value left out, not written as null; a list always written, empty when there is nothing.
/// </summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="stream"/>, with the options <see cref="Build"/> uses.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        write(writer);
    }

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the text.</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the property only when it has a value.</summary>
    public static void WriteStringIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values) =>
        writer.WriteArray(name, values, (w, value) => w.WriteStringValue(value));

    public static void WriteArray<T>(this Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
            writer.FlushWhenFull();
        }
        writer.WriteEndArray();
    }

    /// <summary>The bytes a writer holds before <see cref="FlushWhenFull"/> hands them to its stream.</summary>
    internal const int FlushThreshold = 1 << 16;

    /// <summary>
    /// Hands what <paramref name="writer"/> holds to its stream once <see cref="FlushThreshold"/> bytes are pending;
    /// called after each item of a list. A Utf8JsonWriter over a stream keeps everything written in its own buffer
    /// until Flush (https://learn.microsoft.com/dotnet/api/system.text.json.utf8jsonwriter.flush), so without this a
    /// snapshot of a million assignments was held whole, and its buffer grown by doubling, before one byte reached the
    /// file (issue #16: a 1,000,000-assignment export's peak).
    /// </summary>
    public static void FlushWhenFull(this Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }
}
