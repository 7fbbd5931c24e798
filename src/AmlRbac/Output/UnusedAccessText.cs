using System.Text;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// amlrbac unused (table): the window and what the log cannot show, one row per role assignment (what to do, who, role,
/// scope, how much was used), then for each assignment to replace its narrower role's entries, and the callers and
/// operations the snapshot cannot explain.
/// </summary>
public static class UnusedAccessText
{
    public static string Write(UnusedAccessReport report, int width)
    {
        var text = new StringBuilder();
        text.AppendLine($"Activity log {report.ActivityLog} ({report.Shape}): {report.Records} record(s), {report.Performed} of a performed operation (Succeeded).");
        text.AppendLine($"Window: {UnusedAccessJson.Time(report.From)} to {UnusedAccessJson.Time(report.To)}; nothing outside it is known.");
        text.AppendLine("The activity log cannot show:");
        foreach (var limit in report.Limits)
        {
            text.Append("  - ").AppendLine(limit);
        }
        text.AppendLine();
        var rows = report.Assignments.Select(a => (IReadOnlyList<string>)new[]
        {
            a.Recommendation.ToString(),
            a.PrincipalName ?? a.Assignment.PrincipalId,
            (a.RoleName ?? a.Assignment.RoleDefinitionId) + (a.Assignment.IsEligible ? " (eligible)" : string.Empty),
            ShortScope(a.Assignment.Scope),
            $"{a.Used.Count} used, {a.NeverUsed.Count} never used",
            a.Why,
        });
        text.Append(TextTable.Render(new[] { "Do", "Principal", "Role", "Scope", "Operations", "Why" }, rows, width));

        foreach (var a in report.Assignments.Where(a => a.Used.Count > 0))
        {
            text.AppendLine();
            text.AppendLine($"{a.PrincipalName ?? a.Assignment.PrincipalId}, {a.RoleName ?? a.Assignment.RoleDefinitionId} at {a.Assignment.Scope} ({a.Assignment.Id}): used");
            foreach (var u in a.Used)
            {
                var shared = u.AlsoGrantedBy.Count == 0 ? string.Empty : $"; also granted by {string.Join(", ", u.AlsoGrantedBy.Select(LastSegment))}";
                text.AppendLine($"  {u.Operation}: {u.Records} time(s), last {UnusedAccessJson.Time(u.Last)} by {string.Join(", ", u.Callers)}{shared}");
            }
            if (a.Recommendation == UnusedRecommendation.Replace && a.Replacement is { } role)
            {
                var block = role.Permissions[0];
                text.AppendLine($"  Replace by '{role.Name}' (id {role.Id}): {RoleReportText.ComparisonSummary(a.Proof!)}");
                text.AppendLine($"    Actions: {string.Join(", ", block.Actions)}");
                if (block.NotActions.Count > 0)
                {
                    text.AppendLine($"    NotActions: {string.Join(", ", block.NotActions)}");
                }
                if (block.DataActions.Count > 0)
                {
                    text.AppendLine($"    DataActions: {string.Join(", ", block.DataActions)}");
                }
            }
        }
        if (report.UnmatchedCallers.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Callers no principal of the snapshot matches (by object id, user principal name or app id):");
            foreach (var miss in report.UnmatchedCallers)
            {
                text.AppendLine($"  {miss.Caller}: {miss.Records} record(s)");
            }
        }
        if (report.Unexplained.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Performed, but granted by no assignment of the snapshot:");
            foreach (var u in report.Unexplained)
            {
                text.AppendLine($"  {u.Caller}: {u.Operation} at {u.Scope} ({u.Records} record(s)). {u.Why}");
            }
        }
        return text.ToString();
    }

    // The scope's own kind and name ("workspaces/mlw-dev", "resourceGroups/rg-ml-dev"): the table's column; the full id is below it.
    private static string ShortScope(string scope)
    {
        var parts = scope.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : scope;
    }

    // An assignment id's name (its GUID).
    private static string LastSegment(string id) => id.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[^1] : id;
}
