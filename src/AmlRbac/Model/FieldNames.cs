using System.Buffers;
using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// One string for each field name of one JSON text, found from the name's UTF-8 bytes without making a string first:
/// a snapshot repeats the same dozen names on each of a million items (issue #16), and a string made for each only to
/// be dropped for the one kept was a tenth of what reading a snapshot allocated.
/// </summary>
internal sealed class FieldNames
{
    private Entry?[] _entries = new Entry?[64];
    private int _count;

    /// <summary>The name <paramref name="reader"/> stands on (a property name), unescaped, as one string per distinct name.</summary>
    public string Of(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            // The common case: the bytes in the text are the name's.
            return Find(reader.ValueSpan) ?? Add(reader.ValueSpan, reader.GetString()!);
        }
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // Unescaped, so that "n\u0061me" and "name" are one name, as they are one field.
            var utf8 = rented.AsSpan(0, reader.CopyString(rented));
            return Find(utf8) ?? Add(utf8, reader.GetString()!);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private string? Find(ReadOnlySpan<byte> utf8)
    {
        var mask = _entries.Length - 1;
        for (var i = Hash(utf8) & mask; _entries[i] is { } entry; i = (i + 1) & mask)
        {
            if (utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Name;
            }
        }
        return null;
    }

    private string Add(ReadOnlySpan<byte> utf8, string name)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            var old = _entries;
            _entries = new Entry?[old.Length * 2];
            foreach (var entry in old)
            {
                if (entry is not null)
                {
                    Place(entry);
                }
            }
        }
        Place(new Entry(utf8.ToArray(), name));
        _count++;
        return name;
    }

    // Open addressing, at most half full: a name's slot is its hash's, or the next free one after it.
    private void Place(Entry entry)
    {
        var mask = _entries.Length - 1;
        var i = Hash(entry.Utf8) & mask;
        while (_entries[i] is not null)
        {
            i = (i + 1) & mask;
        }
        _entries[i] = entry;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private sealed record Entry(byte[] Utf8, string Name);
}
