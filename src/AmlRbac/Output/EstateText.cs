using System.Text;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An access estate as text for a terminal: what was read, the resources, then a table of privileged holders and one
/// of the assignments to clean up, each wrapped to the width given (the last column wraps).
/// </summary>
public static class EstateText
{
    public const string NoPrivileged = "Nobody holds a privileged operation at or below the scope.";
    public const string NoFinding = "No orphaned, useless or duplicate role assignment at or below the scope.";

    public static string Render(AccessEstate estate, int width)
    {
        var text = new StringBuilder();
        text.AppendLine($"Scope      {estate.Scope}");
        text.AppendLine($"Source     {estate.Source ?? "not named by the source"}");
        text.AppendLine($"Resources  {estate.Resources.Count}: " + (estate.Resources.Count == 0 ? "none named by the source"
            : string.Join(", ", estate.Resources.Select(r => $"{ReachText.Kind(r.Kind)} {r.Name}"))));
        if (!estate.DirectoryListed)
        {
            text.AppendLine("Directory  not listed by the source: orphans are the assignments whose principal type is Unknown.");
        }
        text.AppendLine().AppendLine("Privileged operations");
        // Where each holding and finding is goes in the last column, which wraps: scope ids are too long for a column of their own.
        text.Append(estate.Privileged.Count == 0 ? NoPrivileged + Environment.NewLine : TextTable.Render(
            new[] { "Operation", "Decision", "Principal", "At, granted by" },
            estate.Privileged.Select(h => (IReadOnlyList<string>)new[]
            {
                AccessReportText.Short(h.Operation.Operation),
                h.Answer.Outcome.ToString(),
                (h.Answer.PrincipalName ?? h.Answer.Operation!.PrincipalId!) + (h.Answer.PrincipalType is { } type ? $" ({type})" : string.Empty),
                $"{ReachText.Named(h.Scope)}:\n{ReachText.GrantedBy(h.Answer)}",
            }), width));
        text.AppendLine().AppendLine("Assignments to clean up");
        text.Append(estate.Findings.Count == 0 ? NoFinding + Environment.NewLine : TextTable.Render(
            new[] { "Finding", "Principal", "Role", "At, why" },
            estate.Findings.Select(f => (IReadOnlyList<string>)new[]
            {
                f.Kind.ToString(),
                f.PrincipalName ?? f.Assignment.PrincipalId,
                f.RoleName ?? f.Assignment.RoleDefinitionId,
                $"{ReachText.Named(f.Assignment.Scope)}:\n{f.Why}",
            }), width));
        return text.ToString();
    }
}
