using Xunit;

using AmlRbac.Tests.Architecture.Specimen.Layers.Low;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// The checks can fail: run on the specimen layers compiled into this assembly (Specimen/Layers.cs) and on graphs
/// written here, they report the cycle, the forbidden use, the file use and the unplaced namespace, by name.
/// </summary>
public sealed class LayerAnalysisTests
{
    private const string Root = "AmlRbac.Tests.Architecture.Specimen.Layers";

    // Low may use nothing, High and Disk may use Low, only Disk may touch files; Gone is a layer with no type.
    private static readonly LayerRule SpecimenRule = new(
        Root,
        new Dictionary<string, string[]> { ["Low"] = [], ["High"] = ["Low"], ["Disk"] = ["Low"], ["Gone"] = [] },
        ["Disk"],
        EngineLayers.IsFileOrNetwork);

    private static readonly Lazy<LayerAnalysis> Specimen = new(() =>
        new LayerAnalysis(SpecimenRule, DependencyReader.Read(typeof(Ledger).Assembly, Root)));

    private static readonly TypeName Ledger = new($"{Root}.Low", "Ledger");
    private static readonly TypeName Summary = new($"{Root}.High", "Summary");

    [Fact]
    public void Reports_the_cycle_a_lambda_makes()
    {
        var cycle = Assert.Single(Specimen.Value.Cycles());

        Assert.Equal(new[] { "High", "Low", "High" }, cycle.Layers);
        Assert.Equal(new[] { (Summary, Ledger), (Ledger, Summary) }, cycle.Steps.Select(s => (s.Source, s.Target)));
        Assert.Equal(
            $"""
            1 cycle(s) between the layers of {Root}:
              High -> Low -> High
                High -> Low, e.g. {Summary} -> {Ledger}: property Source
                Low -> High, e.g. {Ledger} -> {Summary}: lambda in Total: IL call Summary.get_Value
            """.ReplaceLineEndings("\n"),
            Specimen.Value.DescribeCycles(Specimen.Value.Cycles()));
    }

    [Fact]
    public void Reports_the_forbidden_use_with_its_source_target_and_place()
    {
        var forbidden = Specimen.Value.ForbiddenDependencies();

        Assert.Equal(new[] { (Ledger, Summary) }, forbidden.Select(d => (d.Source, d.Target)).Distinct());
        Assert.Equal(
            $"""
            1 use(s) of a type by another that the dependency rule of {Root} (Architecture/EngineLayers.cs) does not allow:
              Low -> High: Low may depend on nothing
                {Ledger} -> {Summary}: lambda in Total: IL call Summary.get_Value; lambda in Total: IL newobj Summary..ctor
            """.ReplaceLineEndings("\n"),
            Specimen.Value.DescribeForbidden(forbidden));
    }

    [Fact]
    public void Reports_a_file_read_in_an_async_body_outside_the_layers_allowed_it()
    {
        var uses = Specimen.Value.FileAndNetworkUses();

        var use = Assert.Single(uses);
        Assert.Equal(new TypeName($"{Root}.Low", "Journal"), use.Source);
        Assert.Equal(new TypeName("System.IO", "File"), use.Target);
        Assert.Equal("iterator or async body in LengthAsync: MoveNext(): IL call File.ReadAllTextAsync", use.Where);
        Assert.Contains("outside Disk:\n  Low\n    ", Specimen.Value.DescribeFileAndNetworkUses(uses));
    }

    [Fact]
    public void Reports_a_namespace_the_rule_does_not_place_and_a_layer_with_no_type()
    {
        Assert.Equal(new[] { $"{Root}.Stray" }, Specimen.Value.UnplacedNamespaces());
        Assert.Equal(new[] { "Gone" }, Specimen.Value.EmptyLayers());
    }

    [Theory]
    [InlineData("System.IO", "File", true)]
    [InlineData("System.IO", "Directory", true)]
    [InlineData("System.IO", "FileStream", true)]
    [InlineData("System.IO", "FileInfo", true)]
    [InlineData("System.IO", "DirectoryInfo", true)]
    [InlineData("System.IO", "FileSystemInfo", true)]
    [InlineData("System.Net.Http", "HttpClient", true)]
    [InlineData("System.Net.Http.Headers", "AuthenticationHeaderValue", true)]
    [InlineData("System.IO", "Stream", false)]
    [InlineData("System.IO", "TextWriter", false)]
    [InlineData("System.IO", "Path", false)]
    [InlineData("System.Net", "HttpStatusCode", false)]
    [InlineData("System.Net.HttpX", "Client", false)]
    public void Files_and_the_network_are_the_listed_types(string ns, string name, bool expected)
    {
        Assert.Equal(expected, EngineLayers.IsFileOrNetwork(new TypeName(ns, name)));
    }

    [Fact]
    public void Every_cycle_through_a_set_of_layers_is_shown_once()
    {
        // A <-> B and B <-> C: one set of three, two cycles; B -> C -> D -> B: a third, longer one through B.
        var analysis = Graph(("A", "B"), ("B", "A"), ("B", "C"), ("C", "B"), ("C", "D"), ("D", "B"));

        Assert.Equal(
            new[] { "A -> B -> A", "B -> C -> B", "B -> C -> D -> B" },
            analysis.Cycles().Select(c => c.ToString()));
    }

    [Fact]
    public void A_graph_that_keeps_the_rule_reports_nothing()
    {
        var analysis = Graph(("High", "Low"), ("Disk", "Low"), ("Low", "Low"));

        Assert.Empty(analysis.Cycles());
        Assert.Empty(analysis.ForbiddenDependencies());
        Assert.Empty(analysis.FileAndNetworkUses());
    }

    [Fact]
    public void A_use_outside_the_root_is_no_layer_dependency()
    {
        var analysis = new LayerAnalysis(SpecimenRule, new AssemblyGraph(Array.Empty<TypeName>(), new[]
        {
            new Dependency(new TypeName($"{Root}.Low", "X"), new TypeName("System.Collections.Generic", "List`1"), "field xs"),
            new Dependency(new TypeName("Elsewhere", "Y"), new TypeName("System.IO", "File"), "Y(): IL call File.Exists"),
        }));

        Assert.Empty(analysis.ForbiddenDependencies());
        Assert.Empty(analysis.FileAndNetworkUses());
    }

    // A graph of one dependency per (from, to) layer pair under the specimen root.
    private static LayerAnalysis Graph(params (string From, string To)[] edges) =>
        new(SpecimenRule, new AssemblyGraph(Array.Empty<TypeName>(), edges
            .Select(e => new Dependency(new TypeName($"{Root}.{e.From}", "S"), new TypeName($"{Root}.{e.To}", "T"), "test"))
            .ToList()));
}
