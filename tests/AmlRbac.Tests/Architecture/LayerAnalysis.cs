using System.Text;

namespace AmlRbac.Tests.Architecture;

/// <summary>A cycle between layers ("Catalog", "Rbac", "Catalog") and, for each of its steps, one dependency making it.</summary>
internal sealed record LayerCycle(IReadOnlyList<string> Layers, IReadOnlyList<Dependency> Steps)
{
    public override string ToString() => string.Join(" -> ", Layers);
}

/// <summary>
/// Checks an assembly's dependencies against a <see cref="LayerRule"/>, and says what breaks it in words a reader of
/// a failed test can act on: the layers, the source type, the target type and where in the source.
/// </summary>
internal sealed class LayerAnalysis
{
    // How many places of one source -> target pair a report spells out; the rest are counted.
    private const int PlacesShown = 3;

    private readonly LayerRule _rule;
    private readonly AssemblyGraph _graph;

    public LayerAnalysis(LayerRule rule, AssemblyGraph graph)
    {
        _rule = rule;
        _graph = graph;
    }

    private string LayerName(string relative) => relative.Length == 0 ? $"{_rule.Root} (the root namespace)" : relative;

    /// <summary>The namespaces of the assembly's types that the rule does not list as a layer (full names).</summary>
    public IReadOnlyList<string> UnplacedNamespaces() => _graph.Types
        .Select(t => t.Namespace)
        .Where(ns => _rule.Relative(ns) is not { } relative || !_rule.IsLayer(relative))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The layers the rule lists that hold no type: a rule that names a folder no longer there.</summary>
    public IReadOnlyList<string> EmptyLayers() => _rule.MayDependOn.Keys
        .Where(layer => !_graph.Types.Any(t => _rule.Relative(t.Namespace) == layer))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The dependencies from one layer (or namespace under the root) to another that the rule does not allow.</summary>
    public IReadOnlyList<Dependency> ForbiddenDependencies() => Crossing()
        .Where(d => _rule.IsLayer(From(d)) && _rule.IsLayer(To(d)) && !_rule.Allows(From(d), To(d)))
        .ToList();

    /// <summary>The uses of the file system or the network outside the layers allowed them.</summary>
    public IReadOnlyList<Dependency> FileAndNetworkUses() => _graph.Dependencies
        .Where(d => _rule.Relative(d.Source.Namespace) is { } from && !_rule.MayTouchFilesAndNetwork.Contains(from))
        .Where(d => _rule.IsFileOrNetwork(d.Target))
        .ToList();

    /// <summary>
    /// The shortest cycle through each namespace under the root that is on one, so every namespace of a set of
    /// mutually dependent ones is shown on a cycle; each step with one dependency that makes it.
    /// </summary>
    public IReadOnlyList<LayerCycle> Cycles()
    {
        var steps = Crossing()
            .GroupBy(d => (From: From(d), To: To(d)))
            .ToDictionary(g => g.Key, g => g.First());
        var next = steps.Keys.GroupBy(k => k.From).ToDictionary(g => g.Key, g => g.Select(k => k.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new Dictionary<string, LayerCycle>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (ShortestWayBack(start, next) is not { } found)
            {
                continue;
            }
            // One cycle is found from each of its layers: keep it once, told from its first layer by name.
            var ring = found.Take(found.Count - 1).ToList();
            var first = ring.IndexOf(ring.Min(StringComparer.Ordinal)!);
            var path = ring.Skip(first).Concat(ring.Take(first + 1)).ToList();
            cycles.TryAdd(string.Join(" -> ", path), new LayerCycle(path, path.Zip(path.Skip(1), (from, to) => steps[(from, to)]).ToList()));
        }
        return cycles.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value).ToList();
    }

    // Breadth first from start's successors back to start: the layers of the shortest cycle, start at both ends.
    private static List<string>? ShortestWayBack(string start, IReadOnlyDictionary<string, List<string>> next)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var layer = queue.Dequeue();
            foreach (var to in next.GetValueOrDefault(layer) ?? new List<string>())
            {
                if (to == start)
                {
                    var path = new List<string> { start };
                    for (var at = layer; at != start; at = cameFrom[at])
                    {
                        path.Add(at);
                    }
                    path.Add(start);
                    path.Reverse();
                    return path;
                }
                if (cameFrom.TryAdd(to, layer))
                {
                    queue.Enqueue(to);
                }
            }
        }
        return null;
    }

    // Dependencies from one namespace under the root to another.
    private IEnumerable<Dependency> Crossing() => _graph.Dependencies.Where(d =>
        _rule.Relative(d.Source.Namespace) is { } from && _rule.Relative(d.Target.Namespace) is { } to && from != to);

    private string From(Dependency d) => _rule.Relative(d.Source.Namespace)!;

    private string To(Dependency d) => _rule.Relative(d.Target.Namespace)!;

    public string DescribeCycles(IReadOnlyList<LayerCycle> cycles)
    {
        var text = new StringBuilder($"{cycles.Count} cycle(s) between the layers of {_rule.Root}:");
        foreach (var cycle in cycles)
        {
            text.Append("\n  ").Append(string.Join(" -> ", cycle.Layers.Select(LayerName)));
            foreach (var step in cycle.Steps)
            {
                text.Append($"\n    {LayerName(From(step))} -> {LayerName(To(step))}, e.g. {step.Source} -> {step.Target}: {step.Where}");
            }
        }
        return text.ToString();
    }

    public string DescribeForbidden(IReadOnlyList<Dependency> forbidden)
    {
        var text = new StringBuilder($"{Pairs(forbidden)} use(s) of a type by another that the dependency rule of {_rule.Root} (Architecture/EngineLayers.cs) does not allow:");
        foreach (var edge in forbidden.GroupBy(d => (From: From(d), To: To(d))))
        {
            var allowed = _rule.MayDependOn[edge.Key.From];
            text.Append($"\n  {edge.Key.From} -> {edge.Key.To}: {edge.Key.From} may depend on {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))}");
            AppendPairs(text, edge);
        }
        return text.ToString();
    }

    public string DescribeFileAndNetworkUses(IReadOnlyList<Dependency> uses)
    {
        var text = new StringBuilder($"{Pairs(uses)} use(s) of a file system or network type outside {string.Join(" and ", _rule.MayTouchFilesAndNetwork)}:");
        foreach (var layer in uses.GroupBy(From))
        {
            text.Append($"\n  {LayerName(layer.Key)}");
            AppendPairs(text, layer);
        }
        return text.ToString();
    }

    public string DescribeUnplaced(IReadOnlyList<string> namespaces) =>
        $"Namespace(s) of the assembly that the dependency rule does not place (add each to EngineLayers.cs, with what it may depend on, on purpose): "
        + string.Join(", ", namespaces.Select(ns => ns.Length == 0 ? "(global)" : ns));

    private static int Pairs(IEnumerable<Dependency> dependencies) => dependencies.Select(d => (d.Source, d.Target)).Distinct().Count();

    // One line per source type -> target type, with the first places it happens.
    private static void AppendPairs(StringBuilder text, IEnumerable<Dependency> dependencies)
    {
        foreach (var pair in dependencies.GroupBy(d => (d.Source, d.Target)))
        {
            var places = pair.Select(d => d.Where).Distinct().ToList();
            text.Append($"\n    {pair.Key.Source} -> {pair.Key.Target}: {string.Join("; ", places.Take(PlacesShown))}");
            if (places.Count > PlacesShown)
            {
                text.Append($"; and {places.Count - PlacesShown} more");
            }
        }
    }
}
