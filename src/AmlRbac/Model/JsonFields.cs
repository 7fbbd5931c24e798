using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AmlRbac.Model;

/// <summary>
/// The fields of one JSON object read from a stream: names match case-insensitively and the first of two
/// spellings wins, as in a <c>Dictionary</c> with <see cref="StringComparer.OrdinalIgnoreCase"/>, but kept in
/// two arrays searched in order. A snapshot's items have about a dozen fields each and a million of them are
/// read one after the other: a hash table per item (buckets, entries, two resizes, case-insensitive hashing)
/// was most of the reader's allocation (issue #16, bench/RESULTS.md). Field names are interned by the reader,
/// so a lookup mostly ends on a reference comparison.
/// </summary>
internal sealed class JsonFields : IReadOnlyDictionary<string, object?>
{
    private string[] _names = new string[8];
    private object?[] _values = new object?[8];

    public int Count { get; private set; }

    /// <summary>Adds a field unless one of that name (in any casing) is there; false when it was.</summary>
    public bool TryAdd(string name, object? value)
    {
        if (IndexOf(name) >= 0)
        {
            return false;
        }
        if (Count == _names.Length)
        {
            Array.Resize(ref _names, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }
        _names[Count] = name;
        _values[Count] = value;
        Count++;
        return true;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no field '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public IEnumerable<string> Keys => _names.Take(Count);

    public IEnumerable<object?> Values => _values.Take(Count);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new KeyValuePair<string, object?>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_names[i], name) || string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
