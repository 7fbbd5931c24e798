namespace AmlRbac.Evaluation;

/// <summary>
/// Case-insensitive equality for scope and operation texts with a hash that reads only part of the
/// text: its length, 16 characters from position 15 (a subscription id starts there) and the last
/// 48. Scopes are long (140 characters for a compute) and hashing all of them case-insensitively
/// cost more than the rest of a check; the parts read here are where two scopes of a tenant, or two
/// operations, differ. Equality still compares the whole text, so a shared hash only costs a compare.
/// </summary>
internal sealed class ScopeTextComparer : IEqualityComparer<string>
{
    public static ScopeTextComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string text)
    {
        var hash = (uint)text.Length * 0x9E3779B1u;
        var headEnd = Math.Min(text.Length, 31);
        for (var i = 15; i < headEnd; i++)
        {
            hash = (hash ^ Fold(text[i])) * 0x01000193u;
        }
        for (var i = Math.Max(headEnd, text.Length - 48); i < text.Length; i++)
        {
            hash = (hash ^ Fold(text[i])) * 0x01000193u;
        }
        return (int)hash;
    }

    // The same value for the upper- and lower-case form of a character, as OrdinalIgnoreCase equates them.
    private static uint Fold(char c) => c < 128 ? (uint)(c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c);
}
