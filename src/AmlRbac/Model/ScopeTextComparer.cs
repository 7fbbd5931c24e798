using System.Numerics;
using System.Runtime.InteropServices;

namespace AmlRbac.Model;

/// <summary>
/// Case-insensitive equality for scope and operation texts with a hash that reads only part of the
/// text, four characters at a time: its last 48 characters and, for a long text, 16 characters from
/// position 15 (where a subscription id starts). Scopes are long (140 characters for a compute) and a
/// full case-insensitive hash cost more than the rest of a check; the parts read are where two scopes
/// of a tenant, or two operations, differ. Equality still compares the whole text (OrdinalIgnoreCase),
/// so a shared hash only costs one more compare.
/// </summary>
internal sealed class ScopeTextComparer : IEqualityComparer<string>
{
    private const int Tail = 48;
    private const int HeadStart = 15;
    private const int HeadLength = 16;
    private const ulong NonAscii = 0xFF80_FF80_FF80_FF80UL;
    private const ulong CaseBit = 0x0020_0020_0020_0020UL;

    public static ScopeTextComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode(string text)
    {
        var span = text.AsSpan();
        var hash = (ulong)span.Length * 0x9E37_79B9_7F4A_7C15UL;
        hash = Mix(hash, span.Length > Tail ? span[^Tail..] : span);
        if (span.Length > Tail + HeadStart)
        {
            hash = Mix(hash, span.Slice(HeadStart, Math.Min(HeadLength, span.Length - Tail - HeadStart)));
        }
        return (int)(hash ^ (hash >> 32));
    }

    // Folding must give the same value for characters OrdinalIgnoreCase equates. An ASCII letter and
    // its other case differ only in bit 0x20, so that bit is cleared (other ASCII characters merely
    // collide in pairs). No non-ASCII character equals an ASCII one under OrdinalIgnoreCase, so every
    // non-ASCII character folds to one constant: rare in scopes, and equal texts still hash equal.
    private static ulong Mix(ulong hash, ReadOnlySpan<char> chars)
    {
        var blocks = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var block in blocks)
        {
            hash = Step(hash, (block & NonAscii) == 0 ? block & ~CaseBit : FoldLanes(block));
        }
        foreach (var c in chars[(blocks.Length * 4)..])
        {
            hash = Step(hash, Fold(c));
        }
        return hash;
    }

    private static ulong Step(ulong hash, ulong value) => BitOperations.RotateLeft((hash ^ value) * 0x0000_0100_0000_01B3UL, 29);

    private static ulong FoldLanes(ulong block)
    {
        ulong folded = 0;
        for (var lane = 0; lane < 4; lane++)
        {
            folded |= Fold((char)(block >> (16 * lane))) << (16 * lane);
        }
        return folded;
    }

    private static ulong Fold(char c) => c < 128 ? (ulong)(c & ~0x20) : 0x80;
}
