using System.Text.Json;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// amlrbac role ... --format json. Property names are a contract:
/// role new: { "shape", "role": { the file of that shape }, "findings": [ finding ], "comparison"?, "compaction"? };
/// role lint: { "source", "findings": [ finding ] };
/// role compare: { comparison }.
/// A finding: { "id", "rule", "severity", "list"?, "entry"?, "message", "line"?, "column"? }.
/// A comparison: { "role", "reference", "grantsNoMore", "same", "onlyInRole": [], "onlyInReference": [], "inBoth", "compared" }.
/// A compaction: { "proven", "replacements": [ { "list", "wildcard", "replaced": [] } ] }.
/// </summary>
public static class RoleReportJson
{
    public static string Result(CustomRoleResult result) => JsonOutput.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("shape", result.Shape.ToString());
        w.WritePropertyName("role");
        w.WriteRawValue(result.Json);
        WriteFindings(w, result.Findings);
        if (result.Comparison is { } comparison)
        {
            w.WritePropertyName("comparison");
            WriteComparison(w, comparison);
        }
        if (result.Compaction is { } compaction)
        {
            w.WriteStartObject("compaction");
            w.WriteBoolean("proven", compaction.Proof.Same);
            w.WriteStartArray("replacements");
            foreach (var replacement in compaction.Replacements)
            {
                w.WriteStartObject();
                w.WriteString("list", replacement.List);
                w.WriteString("wildcard", replacement.Wildcard);
                w.WriteStrings("replaced", replacement.Replaced);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public static string Lint(string source, IReadOnlyList<RoleFinding> findings) => JsonOutput.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("source", source);
        WriteFindings(w, findings);
        w.WriteEndObject();
    });

    public static string Comparison(RoleComparison comparison) => JsonOutput.Build(w => WriteComparison(w, comparison));

    private static void WriteFindings(Utf8JsonWriter w, IEnumerable<RoleFinding> findings)
    {
        w.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            w.WriteStartObject();
            w.WriteString("id", finding.Id);
            w.WriteString("rule", finding.Rule);
            w.WriteString("severity", finding.Severity.ToString());
            w.WriteStringIfSet("list", finding.List);
            w.WriteStringIfSet("entry", finding.Entry);
            w.WriteString("message", finding.Message);
            if (finding.Line is { } line)
            {
                w.WriteNumber("line", line);
                w.WriteNumber("column", finding.Column ?? 0);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteComparison(Utf8JsonWriter w, RoleComparison comparison)
    {
        w.WriteStartObject();
        w.WriteString("role", comparison.RoleName);
        w.WriteString("reference", comparison.ReferenceName);
        w.WriteBoolean("grantsNoMore", comparison.GrantsNoMore);
        w.WriteBoolean("same", comparison.Same);
        w.WriteStrings("onlyInRole", comparison.OnlyInRole);
        w.WriteStrings("onlyInReference", comparison.OnlyInReference);
        w.WriteNumber("inBoth", comparison.InBoth);
        w.WriteNumber("compared", comparison.Compared);
        w.WriteEndObject();
    }
}
