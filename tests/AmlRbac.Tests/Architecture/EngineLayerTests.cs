using Xunit;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// The engine's folders are its layers: AmlRbac.dll as compiled (not its source text) keeps the dependency rule of
/// <see cref="EngineLayers"/>. A failure names the layers, the source type, the target type and where.
/// </summary>
public sealed class EngineLayerTests
{
    private static readonly Lazy<LayerAnalysis> Engine = new(() =>
        new LayerAnalysis(EngineLayers.Rule, DependencyReader.Read(typeof(AmlRbac.Model.Scope).Assembly)));

    [Fact]
    public void Every_namespace_of_the_engine_is_a_layer_of_the_rule()
    {
        var unplaced = Engine.Value.UnplacedNamespaces();

        Assert.True(unplaced.Count == 0, Engine.Value.DescribeUnplaced(unplaced));
    }

    [Fact]
    public void Every_layer_of_the_rule_is_a_namespace_of_the_engine()
    {
        var empty = Engine.Value.EmptyLayers();

        Assert.True(empty.Count == 0, $"The rule lists layer(s) with no type in AmlRbac.dll: {string.Join(", ", empty)}.");
    }

    [Fact]
    public void The_layers_depend_on_each_other_in_no_cycle()
    {
        var cycles = Engine.Value.Cycles();

        Assert.True(cycles.Count == 0, Engine.Value.DescribeCycles(cycles));
    }

    [Fact]
    public void Every_dependency_between_layers_is_one_the_rule_allows()
    {
        var forbidden = Engine.Value.ForbiddenDependencies();

        Assert.True(forbidden.Count == 0, Engine.Value.DescribeForbidden(forbidden));
    }

    [Fact]
    public void Only_the_sources_touch_files_or_the_network()
    {
        var uses = Engine.Value.FileAndNetworkUses();

        Assert.True(uses.Count == 0, Engine.Value.DescribeFileAndNetworkUses(uses));
    }

    [Fact]
    public void The_rule_itself_allows_no_cycle()
    {
        var rule = EngineLayers.Rule;
        var everyAllowedUse = rule.MayDependOn
            .SelectMany(layer => layer.Value.Select(to => new Dependency(
                new TypeName($"{rule.Root}.{layer.Key}", "User"), new TypeName($"{rule.Root}.{to}", "Used"), "allowed")))
            .ToList();

        var analysis = new LayerAnalysis(rule, new AssemblyGraph(Array.Empty<TypeName>(), everyAllowedUse));

        Assert.Empty(analysis.Cycles());
        Assert.Empty(analysis.ForbiddenDependencies());
    }
}
