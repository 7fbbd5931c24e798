using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// AmlRbac.psd1 against the code: it exports exactly the cmdlet classes, carries the one version of
/// Directory.Build.props, loads the right assemblies and format file, and the format file has a view
/// for every output type the cmdlets declare. The psd1 is read as text (no PowerShell here); the
/// Pester suite checks it again with Test-ModuleManifest.
/// </summary>
public sealed class ModuleManifestTests
{
    private static readonly string Manifest = File.ReadAllText(ModuleFiles.InRepository("AmlRbac.psd1"));

    [Fact]
    public void CmdletsToExport_is_exactly_the_cmdlet_classes()
    {
        Assert.Equal(
            ModuleFiles.CmdletTypes.Select(ModuleFiles.CommandName).OrderBy(n => n, StringComparer.Ordinal),
            List("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Exports_nothing_but_cmdlets()
    {
        Assert.Empty(List("FunctionsToExport"));
        Assert.Empty(List("AliasesToExport"));
        Assert.Empty(List("VariablesToExport"));
    }

    [Fact]
    public void ModuleVersion_is_the_version_of_Directory_Build_props()
    {
        var props = XDocument.Load(ModuleFiles.InRepository("Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;

        Assert.Equal(version, Value("ModuleVersion"));
    }

    [Fact]
    public void Loads_the_engine_and_the_cmdlets_on_PowerShell_7_4()
    {
        Assert.Equal("AmlRbac.PowerShell.dll", Value("RootModule"));
        Assert.Equal(new[] { "AmlRbac.dll" }, List("RequiredAssemblies"));
        Assert.Equal("7.4", Value("PowerShellVersion"));
        Assert.Equal(new[] { "Core" }, List("CompatiblePSEditions"));
        Assert.True(Guid.TryParse(Value("GUID"), out _));
        Assert.DoesNotMatch(@"(?m)^\s*(RequiredModules|NestedModules)\s*=", Manifest);
    }

    [Fact]
    public void The_format_file_has_a_default_view_for_every_output_type()
    {
        var formatFile = Assert.Single(List("FormatsToProcess"));
        var format = XDocument.Load(ModuleFiles.InRepository("module", formatFile));
        // A table (one line per object) or a list (a role definition, its lists one entry per line).
        var views = format.Descendants("View")
            .Where(v => v.Element("TableControl") is not null || v.Element("ListControl") is not null)
            .SelectMany(v => v.Descendants("TypeName").Select(t => t.Value))
            .ToHashSet();

        var outputTypes = ModuleFiles.CmdletTypes
            .SelectMany(t => ModuleFiles.Attributes(t, "OutputTypeAttribute"))
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => ((Type)a.Value!).FullName!)
            .Where(name => name.StartsWith("AmlRbac.", StringComparison.Ordinal))
            .ToHashSet();

        Assert.NotEmpty(outputTypes);
        Assert.Empty(outputTypes.Except(views));
    }

    // "Name = 'value'" in the manifest.
    private static string Value(string key) =>
        Regex.Match(Manifest, $@"(?m)^\s*{key}\s*=\s*'([^']*)'").Groups[1] is { Success: true } value
            ? value.Value
            : throw new InvalidOperationException($"{key} is not a quoted value in AmlRbac.psd1.");

    // "Name = @( 'a', 'b' )" or "Name = @('a'\n 'b')" in the manifest.
    private static IReadOnlyList<string> List(string key)
    {
        var match = Regex.Match(Manifest, $@"(?m)^\s*{key}\s*=\s*@\(([^)]*)\)");
        Assert.True(match.Success, $"{key} is not a @(...) list in AmlRbac.psd1.");
        return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }
}
