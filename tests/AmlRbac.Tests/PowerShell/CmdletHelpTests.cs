using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// Help matches the code: every cmdlet has a docs page (build.ps1 turns the pages into the MAML help
/// Get-Help shows) with a synopsis, a description, examples with code, one "### -Name" section per
/// parameter and no section for a parameter that does not exist, and one OUTPUTS entry per declared
/// output type. The about_AmlRbac topic exists with its two descriptions.
/// </summary>
public sealed class CmdletHelpTests
{
    // The order build/New-ModuleHelp.ps1 expects and platyPS writes.
    private static readonly string[] SectionOrder = { "SYNOPSIS", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly string[] Commands = { "Test-AmlPermission", "Assert-AmlPermission", "Get-AmlEffectiveAccess", "New-AmlCustomRole", "New-AmlModelPolicy", "Export-AmlRbacSnapshot", "Set-AmlWorkspaceIdentityRole", "Export-AmlAccessReport", "Get-AmlUnusedAccess", "Test-AmlWorkspacePosture", "Compare-AmlRbacSnapshot", "Get-AmlAccessEstate", "New-AmlPosturePolicy" };

    public static TheoryData<string> CommandNames => new(Commands);

    [Fact]
    public void Every_cmdlet_page_documents_a_cmdlet_and_every_cmdlet_has_a_page()
    {
        var pages = Directory.GetFiles(ModuleFiles.InRepository("docs"), "*-*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(ModuleFiles.CmdletTypes.Select(ModuleFiles.CommandName).OrderBy(n => n, StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void The_page_has_the_sections_in_order(string command)
    {
        var page = Page(command);

        Assert.Equal(command, page.Title);
        Assert.Equal(SectionOrder, page.Sections.Select(s => s.Name));
        Assert.NotEmpty(page["SYNOPSIS"]!.Text);
        Assert.DoesNotContain("\n\n", page["SYNOPSIS"]!.Text);
        Assert.NotEmpty(page["DESCRIPTION"]!.Text);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_example_has_a_title_and_code_that_runs_the_cmdlet(string command)
    {
        var examples = Page(command)["EXAMPLES"]!.Subsections;

        Assert.NotEmpty(examples);
        for (var i = 0; i < examples.Count; i++)
        {
            Assert.Matches($"^Example {i + 1}: .+", examples[i].Name);
            Assert.Contains(examples[i].Code, line => line.Contains(command, StringComparison.Ordinal));
            Assert.NotEmpty(examples[i].Text);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_parameter_has_a_section_and_every_section_a_parameter(string command)
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command);
        var sections = Page(command)["PARAMETERS"]!.Subsections;

        Assert.Equal(
            CmdletParameter.Of(type).Select(p => "-" + p.Name).OrderBy(n => n, StringComparer.Ordinal),
            sections.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(sections, s => Assert.NotEmpty(s.Text));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Every_output_type_is_documented(string command)
    {
        var type = ModuleFiles.CmdletTypes.Single(t => ModuleFiles.CommandName(t) == command);
        var declared = ModuleFiles.Attributes(type, "OutputTypeAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => ((Type)a.Value!).FullName);

        Assert.Equal(declared, Page(command)["OUTPUTS"]!.Subsections.Select(s => s.Name));
    }

    [Fact]
    public void The_about_topic_has_its_descriptions()
    {
        var page = HelpPage.Read(ModuleFiles.InRepository("docs", "about_AmlRbac.md"));

        Assert.Equal("about_AmlRbac", page.Title);
        Assert.Equal(new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" }, page.Sections.Take(2).Select(s => s.Name));
        Assert.All(page.Sections, s => Assert.True(s.Text.Length > 0 || s.Subsections.Count > 0, s.Name));
    }

    [Fact]
    public void Help_names_every_error_id_it_promises_by_its_exact_name()
    {
        var known = typeof(AmlRbac.Model.ErrorIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var pages = Commands.Select(c => Page(c)["NOTES"]!.Text);

        foreach (var notes in pages)
        {
            var ids = Regex.Match(notes, "Error ids: (.*?)\\.").Groups[1].Value.Replace(" and ", ", ").Split(", ");
            var unknown = ids.Where(id => !known.Contains(id)).ToList();
            Assert.True(unknown.Count == 0, "Not error ids: " + string.Join(", ", unknown));
        }
    }

    [Fact]
    public void Help_cites_public_pages_never_files_of_the_repository_or_source_keys()
    {
        // Help is read where the repository is not: in Get-Help, on the PowerShell Gallery, in a runbook.
        var pointer = new System.Text.RegularExpressions.Regex(@"docs/SOURCES\.md|notes\.md|shared/|\[[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\]");
        var pages = Commands.Select(c => c + ".md").Append("about_AmlRbac.md");
        var found = pages.SelectMany(page => File.ReadAllLines(ModuleFiles.InRepository("docs", page))
                .Select((line, i) => (line, i))
                .SelectMany(l => pointer.Matches(l.line).Select(m => $"{page}:{l.i + 1} {m.Value}")))
            .ToList();

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    private static HelpPage Page(string command) => HelpPage.Read(ModuleFiles.InRepository("docs", command + ".md"));
}
