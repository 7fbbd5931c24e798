using System.Text.RegularExpressions;
using Xunit;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// What a reader sees keeps the rule too: a source file of the engine imports no layer its own may not depend on.
/// The compiled check (<see cref="EngineLayerTests"/>) cannot see a using that nothing uses, or one only a doc
/// comment uses, yet either tells a reader the layering is other than it is.
/// </summary>
public sealed partial class SourceUsingTests
{
    [Fact]
    public void No_engine_source_file_imports_a_layer_its_layer_may_not_depend_on()
    {
        var engine = Path.Combine(Sources.TestFiles.RepositoryRoot, "src", "AmlRbac");
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            offending.AddRange(Offences(File.ReadAllText(file)).Select(o => $"{Path.GetRelativePath(engine, file)}: {o}"));
        }

        Assert.True(offending.Count == 0, "Imports the dependency rule forbids:" + Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void A_catalog_file_importing_the_questions_layer_is_reported()
    {
        var offences = Offences("using AmlRbac.Model;\nusing AmlRbac.Questions;\n\nnamespace AmlRbac.Catalog;\n");

        Assert.Equal(new[] { "Catalog imports Questions" }, offences);
    }

    private static IEnumerable<string> Offences(string source)
    {
        var rule = EngineLayers.Rule;
        var own = rule.Relative(Namespace().Match(source).Groups[1].Value);
        if (own is null)
        {
            yield break;
        }
        foreach (Match import in Using().Matches(source))
        {
            var imported = rule.Relative(import.Groups[1].Value);
            if (imported is not null && rule.IsLayer(imported) && !rule.Allows(own, imported))
            {
                yield return $"{own} imports {imported}";
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();
}
