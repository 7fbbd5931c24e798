using System.Globalization;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Output;

/// <summary>
/// A posture report as a table for people (amlrbac posture): one row per workspace and rule, the rule's name, its
/// evidence and who can change it wrapping in the last column, then a count of the results.
/// </summary>
public static class PostureText
{
    private static readonly string[] Headers = { "Workspace", "Rule", "Severity", "Result", "Can change", "Rule and evidence" };

    public static string Format(PostureReport report, int width)
    {
        if (report.Workspaces.Count == 0)
        {
            return $"No Azure ML workspace at or under {report.Scope} in the source.{Environment.NewLine}";
        }
        var rows = report.Workspaces.SelectMany(w => w.Rules.Select(r => (IReadOnlyList<string>)new[]
        {
            w.Name,
            r.Rule.Id,
            r.Rule.Severity.ToString(),
            r.Result.ToString(),
            r.CanChange.Count.ToString(CultureInfo.InvariantCulture),
            Details(r),
        }));
        var all = report.Workspaces.SelectMany(w => w.Rules).ToList();
        var counts = string.Join(", ", all.GroupBy(r => r.Result).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        var errors = all.Count(r => r.Result == Posture.PostureResult.Fail && r.Rule.Severity == Catalog.PostureSeverity.Error);
        return TextTable.Render(Headers, rows, width)
            + $"{report.Workspaces.Count} workspace(s), {all.Count} result(s): {counts}; {errors} failed at Error severity.{Environment.NewLine}";
    }

    private static string Details(RulePosture rule) =>
        $"{rule.Rule.Name}\n{rule.Evidence}" + (rule.CanChange.Count == 0 ? string.Empty : $"\ncan change: {string.Join(", ", rule.CanChange.Select(HolderName))}");

    /// <summary>A principal who can change a setting, as people read it: its display name (else its object id), "(Eligible)" or "(Conditional)" after one who only could.</summary>
    public static string HolderName(AccessHolder holder) =>
        (holder.DisplayName ?? holder.PrincipalId) + (holder.Decision.Outcome == Model.Outcome.Allowed ? string.Empty : $" ({holder.Decision.Outcome})");
}
