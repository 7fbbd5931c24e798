using System.Text;
using AmlRbac.Authoring;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>amlrbac role ... for people: findings one per paragraph, the comparison, the compaction, then the role's JSON.</summary>
public static class RoleReportText
{
    public static string Result(CustomRoleResult result, int width)
    {
        var text = new StringBuilder();
        text.AppendLine($"Role '{result.Role.Name}' ({result.Role.Id}), {result.Shape} shape{(result.OutFile is null ? string.Empty : $", written to {result.OutFile}")}.");
        if (result.Compaction is { } compaction)
        {
            text.AppendLine();
            text.AppendLine(CompactionSummary(compaction));
            foreach (var replacement in compaction.Replacements)
            {
                text.AppendLine("  " + Replacement(replacement));
            }
        }
        if (result.Comparison is { } comparison)
        {
            text.AppendLine();
            text.Append(Comparison(comparison));
        }
        text.AppendLine();
        text.Append(Findings(result.Findings, width));
        text.AppendLine();
        text.Append(result.Json);
        return text.ToString();
    }

    public static string Findings(IReadOnlyList<RoleFinding> findings, int width)
    {
        if (findings.Count == 0)
        {
            return "No findings." + Environment.NewLine;
        }
        var text = new StringBuilder();
        text.AppendLine($"{findings.Count} finding(s): {Count(findings, FindingSeverity.Error)} error(s), {Count(findings, FindingSeverity.Warning)} warning(s), {Count(findings, FindingSeverity.Information)} information.");
        foreach (var finding in findings.OrderByDescending(f => f.Severity))
        {
            var where = finding.Line is null ? string.Empty : $" line {finding.Line}, column {finding.Column}";
            text.AppendLine($"{finding.Severity} {finding.Id} {finding.Rule}{where}");
            foreach (var line in TextWrap.Wrap(finding.Message, width - 2))
            {
                text.AppendLine("  " + line);
            }
        }
        return text.ToString();
    }

    /// <summary>The compaction in one sentence: how many wildcards, and whether the proof holds.</summary>
    public static string CompactionSummary(RoleCompaction compaction) =>
        $"Compact: {compaction.Replacements.Count} wildcard(s); {(compaction.Proof.Same ? "proven to grant exactly the catalog operations of the explicit role" : "NOT the same grants as the explicit role")}.";

    /// <summary>One wildcard of a compaction: "Actions: prefix/* replaces 5 entries".</summary>
    public static string Replacement(CompactedEntry replacement) =>
        $"{replacement.List}: {replacement.Wildcard} replaces {replacement.Replaced.Count} entries";

    /// <summary>The comparison in one sentence: the same grants, or how many operations each grants alone.</summary>
    public static string ComparisonSummary(RoleComparison comparison) =>
        comparison.Same
            ? $"'{comparison.RoleName}' and '{comparison.ReferenceName}' grant the same {comparison.InBoth} of {comparison.Compared} catalog operations."
            : $"'{comparison.RoleName}' compared with '{comparison.ReferenceName}' over {comparison.Compared} catalog operations: {comparison.InBoth} in both, " +
              $"{comparison.OnlyInRole.Count} only in '{comparison.RoleName}', {comparison.OnlyInReference.Count} only in '{comparison.ReferenceName}'.";

    public static string Comparison(RoleComparison comparison)
    {
        var text = new StringBuilder();
        text.AppendLine(ComparisonSummary(comparison));
        AppendList(text, $"Only '{comparison.RoleName}' grants ({comparison.OnlyInRole.Count}):", comparison.OnlyInRole);
        AppendList(text, $"Only '{comparison.ReferenceName}' grants ({comparison.OnlyInReference.Count}):", comparison.OnlyInReference);
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<string> operations)
    {
        if (operations.Count == 0)
        {
            return;
        }
        text.AppendLine(title);
        foreach (var operation in operations)
        {
            text.AppendLine("  " + operation);
        }
    }

    private static int Count(IEnumerable<RoleFinding> findings, FindingSeverity severity) => findings.Count(f => f.Severity == severity);
}
