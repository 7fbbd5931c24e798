using Xunit;

using AmlRbac.Tests.Architecture.Specimen.Ways;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// The reader finds a use wherever the compiler puts it: each Specimen/Ways.cs type uses Target.Mark in one way only,
/// most of them where only the IL of compiler-generated code shows it, and the use counts for the type it is written in.
/// </summary>
public sealed class DependencyReaderTests
{
    private const string Root = "AmlRbac.Tests.Architecture.Specimen.Ways";

    private static readonly TypeName Mark = new($"{Root}.Target", "Mark");

    private static readonly Lazy<AssemblyGraph> Ways = new(() => DependencyReader.Read(typeof(ViaLambda).Assembly, Root));

    [Theory]
    [InlineData(nameof(ViaLambda), "lambda in Make: IL call Mark.get_Count")]
    [InlineData(nameof(ViaClosure), "lambda in Make: IL call Mark.get_Count")]
    [InlineData(nameof(ViaIterator), "iterator or async body in Each: MoveNext(): IL call Mark.get_Count")]
    [InlineData(nameof(ViaAsync), "iterator or async body in CountAsync: MoveNext(): IL call Mark.get_Count")]
    [InlineData(nameof(ViaLocalFunction), "local function in Twice: IL call Mark.get_Count")]
    [InlineData(nameof(ViaGenericArgument), "field Items")]
    [InlineData(nameof(ViaAttribute), "declaration: attribute [MarkedAttribute]")]
    [InlineData("ViaConstraint`1", "declaration: constraint on T")]
    [InlineData(nameof(ViaCall), "Size(): IL call Maker.Make")]
    [InlineData(nameof(ViaCatch), "Tries(Action): catch")]
    [InlineData(nameof(ViaTypeof), "Kind(): IL ldtoken Mark")]
    [InlineData(nameof(ViaNested), "nested type ViaNested.Inner: field Held")]
    public void Finds_a_use_where_the_compiler_put_it(string source, string where)
    {
        var uses = Ways.Value.Dependencies.Where(d => d.Source == new TypeName(Root, source) && d.Target == Mark).ToList();

        Assert.Equal(new[] { where }, uses.Select(d => d.Where).Distinct());
    }

    [Fact]
    public void Lists_the_types_written_not_those_the_compiler_adds()
    {
        var names = Ways.Value.Types.Select(t => t.Name).ToList();

        Assert.Contains(nameof(ViaLambda), names);
        Assert.Contains(nameof(ViaNested), names);
        Assert.DoesNotContain("Inner", names);
        Assert.DoesNotContain(names, n => n.StartsWith('<'));
    }
}
