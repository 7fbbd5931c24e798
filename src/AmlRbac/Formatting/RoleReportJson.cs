using System.Text;
using System.Text.Json;
using AmlRbac.Authoring;

namespace AmlRbac.Formatting;

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
    public static string Result(CustomRoleResult result) => Build(w =>
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
                WriteList(w, "replaced", replacement.Replaced);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public static string Lint(string source, IReadOnlyList<RoleFinding> findings) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("source", source);
        WriteFindings(w, findings);
        w.WriteEndObject();
    });

    public static string Comparison(RoleComparison comparison) => Build(w => WriteComparison(w, comparison));

    private static void WriteFindings(Utf8JsonWriter w, IEnumerable<RoleFinding> findings)
    {
        w.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            w.WriteStartObject();
            w.WriteString("id", finding.Id);
            w.WriteString("rule", finding.Rule);
            w.WriteString("severity", finding.Severity.ToString());
            DecisionJson.WriteIfSet(w, "list", finding.List);
            DecisionJson.WriteIfSet(w, "entry", finding.Entry);
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
        WriteList(w, "onlyInRole", comparison.OnlyInRole);
        WriteList(w, "onlyInReference", comparison.OnlyInReference);
        w.WriteNumber("inBoth", comparison.InBoth);
        w.WriteNumber("compared", comparison.Compared);
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static string Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, DecisionJson.WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
