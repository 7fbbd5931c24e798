namespace AmlRbac.Catalog;

/// <summary>The catalog's operations with the lookups every question makes: by name, by name and kind, by provider.</summary>
internal sealed class OperationIndex
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int[]> _byProvider;

    public OperationIndex(IReadOnlyList<Operation> operations)
    {
        // Sorted once here, so a twin (the same name listed as a control and as a data action) follows its control action.
        Operations = operations
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.IsDataAction)
            .ToArray();
        var byProvider = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Operations.Count; i++)
        {
            var operation = Operations[i];
            _byName.TryAdd(operation.Name, i);
            if (!byProvider.TryGetValue(operation.Provider, out var indexes))
            {
                byProvider[operation.Provider] = indexes = new List<int>();
            }
            indexes.Add(i);
        }
        _byProvider = byProvider.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        Providers = _byProvider.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Operation> Operations { get; }

    public IReadOnlySet<string> Providers { get; }

    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    public int IndexOf(string name, bool isDataAction)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return -1;
        }
        var kind = KindOf(index, isDataAction);
        return Operations[kind].IsDataAction == isDataAction ? kind : -1;
    }

    public int KindOf(int index, bool isDataAction)
    {
        var twin = index + 1;
        return isDataAction && !Operations[index].IsDataAction && twin < Operations.Count && Operations[twin].IsDataAction
            && Operations[twin].Name.Equals(Operations[index].Name, StringComparison.OrdinalIgnoreCase)
            ? twin
            : index;
    }

    /// <summary>The positions of the operations whose names start with <paramref name="prefix"/> (case-insensitive): one run of the sorted list.</summary>
    public (int Start, int End) WithPrefix(string prefix)
    {
        // Lower bound: the first name not ordered before the prefix; every name that starts with it follows, together.
        int low = 0, high = Operations.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.Compare(Operations[middle].Name, prefix, StringComparison.OrdinalIgnoreCase) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        var end = low;
        while (end < Operations.Count && Operations[end].Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            end++;
        }
        return (low, end);
    }

    public IReadOnlyList<int> OfProvider(string provider) =>
        _byProvider.TryGetValue(provider, out var indexes) ? indexes : Array.Empty<int>();
}
