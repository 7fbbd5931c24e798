using System.Numerics;

namespace AmlRbac.Rbac;

/// <summary>A set of catalog operations, by their index in <c>AmlCatalog.Operations</c>: one bit each.</summary>
internal sealed class OperationSet
{
    private readonly ulong[] _bits;

    public OperationSet(int capacity) => _bits = new ulong[(capacity + 63) / 64];

    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;

    public void Add(int index) => _bits[index >> 6] |= 1UL << (index & 63);

    public void UnionWith(OperationSet other)
    {
        for (var i = 0; i < _bits.Length; i++)
        {
            _bits[i] |= other._bits[i];
        }
    }

    public void ExceptWith(OperationSet other)
    {
        for (var i = 0; i < _bits.Length; i++)
        {
            _bits[i] &= ~other._bits[i];
        }
    }

    public int Count => _bits.Sum(word => BitOperations.PopCount(word));

    /// <summary>The members, ascending.</summary>
    public IReadOnlyList<int> Indexes()
    {
        var indexes = new List<int>(Count);
        for (var w = 0; w < _bits.Length; w++)
        {
            for (var word = _bits[w]; word != 0; word &= word - 1)
            {
                indexes.Add((w << 6) + BitOperations.TrailingZeroCount(word));
            }
        }
        return indexes;
    }
}
