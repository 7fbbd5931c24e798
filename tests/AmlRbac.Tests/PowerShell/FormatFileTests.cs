using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

using AmlRbac.PowerShell.Output;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// module/AmlRbac.Format.ps1xml against the code, as text (no PowerShell here; the Pester suite renders every view).
/// PowerShell shows a cell whose script block fails as empty, with no error, so a misspelt property or method
/// is caught here: every property and method a view names exists, every table fits 120 columns, and a cell
/// shortened or wrapped to a width is given its column's width.
/// </summary>
public sealed class FormatFileTests
{
    private const int ScreenWidth = 120;

    private static readonly XDocument Format = XDocument.Load(ModuleFiles.InRepository("module", "AmlRbac.Format.ps1xml"));

    private static IEnumerable<XElement> Views => Format.Descendants("View");

    // "AmlRbac.PowerShell.Output.AmlPermissionDecision#Detailed" is a name of that type's objects.
    private static Type TypeOf(XElement view) =>
        view.Descendants("TypeName").Select(t => ModuleFiles.CmdletAssembly.GetType(t.Value.Split('#')[0], throwOnError: true)!).Distinct().Single();

    [Fact]
    public void Every_property_a_view_shows_exists_on_its_type()
    {
        foreach (var view in Views)
        {
            var type = TypeOf(view);
            var shown = view.Descendants("PropertyName").Select(p => p.Value)
                .Concat(view.Descendants("ScriptBlock").SelectMany(s => Regex.Matches(s.Value, @"\$_\.(\w+)\b(?!\s*\()").Select(m => m.Groups[1].Value)))
                .Where(name => name is not "Count");
            Assert.All(shown, name => Assert.True(type.GetProperty(name) is not null, $"{view.Element("Name")!.Value}: {type.Name} has no property {name}"));
        }
    }

    [Fact]
    public void Every_method_a_view_calls_is_a_public_static_method_of_the_module()
    {
        var calls = Views.Descendants("ScriptBlock").SelectMany(s => Regex.Matches(s.Value, @"\[(AmlRbac\.[\w.]+)\]::(\w+)")).ToList();

        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var typeName = call.Groups[1].Value;
            var type = ModuleFiles.CmdletAssembly.GetType(typeName) ?? ModuleFiles.EngineAssembly.GetType(typeName);
            Assert.True(type is not null, $"No type {typeName}");
            Assert.True(type!.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == call.Groups[2].Value), $"No public static {typeName}.{call.Groups[2].Value}");
        }
    }

    [Fact]
    public void Every_table_gives_each_column_a_width_and_fits_120_columns()
    {
        foreach (var view in Views.Where(v => v.Element("TableControl") is not null))
        {
            var widths = view.Descendants("TableColumnHeader").Select(h => (int?)h.Element("Width")).ToList();
            var name = view.Element("Name")!.Value;

            Assert.All(widths, w => Assert.True(w is not null, $"{name}: a column without a width takes what is left, which its cell cannot know"));
            // One space between columns.
            Assert.True(widths.Sum()!.Value + widths.Count - 1 <= ScreenWidth, $"{name}: {widths.Sum() + widths.Count - 1} columns");
            Assert.All(view.Descendants("TableColumnHeader").Zip(widths), c =>
                Assert.True(c.First.Element("Label")!.Value.Length <= c.Second, $"{name}: the label {c.First.Element("Label")!.Value} is wider than its column"));
        }
    }

    [Fact]
    public void A_cell_shortened_or_wrapped_to_a_width_is_given_its_column_s_width()
    {
        var checkedCells = 0;
        foreach (var view in Views.Where(v => v.Element("TableControl") is not null))
        {
            var widths = view.Descendants("TableColumnHeader").Select(h => (int)h.Element("Width")!).ToList();
            var items = view.Descendants("TableColumnItem").ToList();
            Assert.Equal(widths.Count, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Element("ScriptBlock") is { } script && Regex.Match(script.Value, @",\s*(\d+)\)") is { Success: true } width)
                {
                    Assert.Equal(widths[i], int.Parse(width.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                    checkedCells++;
                }
            }
        }
        Assert.True(checkedCells >= 6, $"{checkedCells} cells take a width");
    }

    [Fact]
    public void The_type_names_the_cmdlets_add_select_a_view()
    {
        var selected = Views.Descendants("TypeName").Select(t => t.Value).ToHashSet();

        Assert.Contains(DecisionCells.DetailedTypeName, selected);
        Assert.Contains(DecisionCells.WhoCanTypeName, selected);
    }

    [Fact]
    public void The_first_view_of_a_decision_is_the_one_line_table()
    {
        // PowerShell takes, for an object's first type name, the first view that names it.
        var first = Views.First(v => v.Descendants("TypeName").Any(t => t.Value == typeof(AmlPermissionDecision).FullName));

        Assert.Equal("AmlPermissionDecision", first.Element("Name")!.Value);
        Assert.Null(first.Descendants("Wrap").FirstOrDefault());
    }
}
