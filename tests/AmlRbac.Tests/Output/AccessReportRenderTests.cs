using System.Text;
using System.Xml;
using System.Xml.Linq;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;
using static AmlRbac.Tests.Questions.ContosoReport;

namespace AmlRbac.Tests.Output;

/// <summary>
/// The access report's three renderings, read back as a reader or a tool would: the HTML parsed as XML (well-formed,
/// self-contained, every tenant value encoded), the Markdown's tables, the CSV's fields. What they must show comes from
/// the sample tenant's known facts (samples/README.md): Carol holds role assignment write in production through Owner.
/// </summary>
public sealed class AccessReportRenderTests
{
    // A display name that is markup, a formula, a table cell and a quoted field at once.
    private const string Hostile = "=cmd|'/c calc'!A1 <script>alert(\"x\")</script> & [link](http://evil) *bold*, \"q\"";

    private static readonly int Columns = AmlCatalog.Default.Activities.Count + PrivilegedOperations.All.Count;

    private static AccessReport HostileReport()
    {
        var tenant = Contoso.Evaluator.Tenant;
        var renamed = tenant with { Principals = tenant.Principals.Select(p => p.Id == Contoso.Alice ? p with { DisplayName = Hostile } : p).ToList() };
        return new AccessReportQuestion(new AccessEvaluator(renamed)).AnswerFor(Subject.At(Contoso.ProdWorkspace));
    }

    private static XDocument Html(AccessReport report)
    {
        using var reader = XmlReader.Create(new StringReader(AccessReportHtml.Render(report)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> Elements(XDocument html, string name) => html.Descendants().Where(e => e.Name.LocalName == name);

    [Fact]
    public void The_html_page_is_well_formed_and_names_the_scope_and_both_workspaces()
    {
        var html = Html(OfContosoMl);

        Assert.Equal("html", html.Root!.Name.LocalName);
        Assert.Contains(ContosoMl, Elements(html, "title").Single().Value);
        Assert.Equal(new[] { "mlw-dev", "mlw-prod" }, Elements(html, "h2").Select(h => h.Value));
        Assert.Contains("2026-03-01 09:30 UTC", Elements(html, "dd").Select(d => d.Value));
    }

    [Fact]
    public void The_html_page_needs_no_script_and_fetches_nothing()
    {
        var html = Html(OfContosoMl);

        Assert.Empty(Elements(html, "script"));
        Assert.Empty(Elements(html, "link"));
        Assert.DoesNotContain(html.Descendants().Attributes(), a => a.Name.LocalName is "src" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.All(html.Descendants().Attributes().Where(a => a.Name.LocalName == "href"), a => Assert.StartsWith("#", a.Value));
        var style = Assert.Single(Elements(html, "style")).Value;
        Assert.DoesNotContain("url(", style);
        Assert.DoesNotContain("@import", style);
    }

    [Fact]
    public void Carol_is_in_the_privileged_section_with_the_role_that_grants_role_assignment_write()
    {
        var prod = Elements(Html(OfContosoMl), "section").Single(s => s.Elements().Any(e => e.Name.LocalName == "h2" && e.Value == "mlw-prod"));
        var row = prod.Descendants().Where(e => e.Name.LocalName == "table" && (string?)e.Attribute("class") == "privileged")
            .Single().Descendants().Where(e => e.Name.LocalName == "tr" && e.Parent?.Parent?.Attribute("class")?.Value == "privileged")
            .Single(tr => tr.Elements().First().Value == RoleAssignmentWrite);

        var carol = row.Descendants().Where(e => e.Name.LocalName == "tr").Single(tr => tr.Elements().First().Value.StartsWith("Carol Diaz", StringComparison.Ordinal));
        var cell = carol.Elements().Single(e => e.Name.LocalName == "td");
        Assert.Equal("o-Allowed", (string?)cell.Attribute("class"));
        Assert.Contains("role 'Owner'", (string?)cell.Attribute("title"));
        Assert.Contains(cell.Descendants().Where(e => e.Name.LocalName == "li"), li => li.Value.Contains("role 'Owner' at /subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0", StringComparison.Ordinal));
        Assert.Equal("Allowed", cell.Descendants().Single(e => e.Name.LocalName == "summary").Value);
    }

    [Fact]
    public void Every_principal_row_has_a_decision_cell_per_activity_and_privileged_operation()
    {
        var grid = Elements(Html(OfContosoMl), "table").Where(t => (string?)t.Attribute("class") == "grid").ToList();

        Assert.Equal(2, grid.Count);
        Assert.Equal(new[] { Dev.Principals.Count, Prod.Principals.Count }, grid.Select(t => t.Descendants().Single(e => e.Name.LocalName == "tbody").Elements().Count()));
        Assert.All(grid.SelectMany(t => t.Descendants().Single(e => e.Name.LocalName == "tbody").Elements()), row =>
        {
            var cells = row.Elements().Where(e => e.Name.LocalName == "td").ToList();
            Assert.Equal(Columns, cells.Count);
            Assert.All(cells, c => Assert.StartsWith("o-", (string?)c.Attribute("class")));
            Assert.All(cells, c => Assert.Single(c.Elements(), e => e.Name.LocalName == "details"));
        });
    }

    [Fact]
    public void A_hostile_name_stays_text_in_the_html()
    {
        var text = AccessReportHtml.Render(HostileReport());
        var html = Html(HostileReport());

        Assert.DoesNotContain("<script>", text);
        Assert.Empty(Elements(html, "script"));
        Assert.Contains(html.Descendants().Where(e => e.Name.LocalName == "th"), th => th.Value.StartsWith(Hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void The_markdown_has_every_section_and_Carols_Owner_grant()
    {
        var md = AccessReportMarkdown.Render(OfContosoMl);

        Assert.StartsWith("# " + AccessReportText.Title, md);
        Assert.Contains("## mlw-prod", md);
        foreach (var heading in new[] { AccessReportText.PrivilegedHeading, AccessReportText.ActivitiesHeading, AccessReportText.EligibleHeading, AccessReportText.DeniesHeading })
        {
            Assert.Contains("### " + heading, md);
        }
        var carol = md.Split('\n').Single(l => l.StartsWith("| Microsoft.Authorization/roleAssignments/write | Carol Diaz | Allowed |", StringComparison.Ordinal));
        Assert.Contains("role 'Owner'", carol);
        // Frank's eligible Owner is in the eligible section, Dave's delegation too.
        Assert.Contains(md.Split('\n'), l => l.StartsWith("| Frank Nguyen |", StringComparison.Ordinal) && l.Contains("| Eligible |", StringComparison.Ordinal));
        Assert.Contains(md.Split('\n'), l => l.StartsWith("| Dave Kim | Microsoft.Authorization/roleAssignments/write | Conditional |", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_markdown_table_row_has_as_many_cells_as_its_header_even_with_a_hostile_name()
    {
        var md = AccessReportMarkdown.Render(HostileReport());

        var tables = new List<List<string>>();
        foreach (var line in md.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                tables.Add(new List<string>());
                continue;
            }
            tables[^1].Add(line);
        }
        var rows = tables.Where(t => t.Count > 0).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, table => Assert.All(table, row => Assert.Equal(Cells(table[0]), Cells(row))));
        Assert.DoesNotContain("<script>", md);
        Assert.Contains("\\<script\\>", md);
    }

    [Fact]
    public void The_csv_has_one_row_per_workspace_principal_and_activity_or_operation()
    {
        var rows = Csv(AccessReportCsv.Render(OfContosoMl));

        Assert.Equal(AccessReportCsv.Columns, rows[0]);
        Assert.Equal(OfContosoMl.Workspaces.Sum(w => w.Principals.Count) * Columns, rows.Count - 1);
        var carol = rows.Single(r => r[0] == "mlw-prod" && r[3] == Carol && r[6] == RoleAssignmentWrite);
        Assert.Equal(new[] { "Operation", "Allowed" }, new[] { carol[5], carol[7] });
        Assert.Contains("role 'Owner'", carol[8]);
        Assert.Contains(rows, r => r[0] == "mlw-prod" && r[3] == Frank && r[5] == "Operation" && r[6] == RoleAssignmentWrite && r[7] == "Eligible");
    }

    [Fact]
    public void A_hostile_name_is_one_csv_field_that_no_spreadsheet_runs()
    {
        var rows = Csv(AccessReportCsv.Render(HostileReport()));

        Assert.All(rows, r => Assert.Equal(AccessReportCsv.Columns.Count, r.Count));
        Assert.Contains(rows, r => r[2] == "'" + Hostile);
    }

    [Theory]
    [InlineData("html", ReportFormat.Html)]
    [InlineData("HTML", ReportFormat.Html)]
    [InlineData(" markdown ", ReportFormat.Markdown)]
    [InlineData("Csv", ReportFormat.Csv)]
    public void A_format_is_named_in_any_case(string name, ReportFormat format)
    {
        Assert.Equal(format, ReportFormats.Parse(name, "--format"));
    }

    [Fact]
    public void Another_format_is_ReportFormatInvalid_naming_the_input_and_the_formats()
    {
        var error = Assert.Throws<AmlRbacException>(() => ReportFormats.Parse("pdf", "-Format"));

        Assert.Equal(ErrorIds.ReportFormatInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Contains("-Format 'pdf'", error.Message);
        Assert.Contains("html, markdown, csv", error.Message);
    }

    [Fact]
    public void An_empty_report_says_that_the_source_names_no_workspace_there()
    {
        var report = new AccessReportQuestion(Contoso.Evaluator).AnswerFor(Subject.At("/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod-shared"));

        Assert.Contains(System.Net.WebUtility.HtmlEncode(AccessReportText.NoWorkspace(report)), AccessReportHtml.Render(report));
        Assert.Single(Csv(AccessReportCsv.Render(report)));
    }

    // The cells of a Markdown table row: the pipes that are not escaped, less the two at its ends.
    private static int Cells(string row)
    {
        var pipes = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\')
            {
                i++;
            }
            else if (row[i] == '|')
            {
                pipes++;
            }
        }
        return pipes - 1;
    }

    // RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks; records end with CRLF.
    private static List<List<string>> Csv(string text)
    {
        Assert.EndsWith("\r\n", text);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = new List<string>();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        return rows;
    }
}
