using System.Text;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An access report as Markdown (GitHub-flavoured tables) for a wiki page or a pull request: the same sections as the
/// HTML page. A table cell holds only the decision, so each principal's reasons follow the activity table, for every
/// answer other than NotGranted (the table already says nothing grants those). Text from the tenant is escaped, so a
/// name cannot start a table cell, a link or markup.
/// </summary>
public static class AccessReportMarkdown
{
    public static string Render(AccessReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(E(AccessReportText.Title)).AppendLine();
        foreach (var (label, value) in AccessReportText.Facts(report))
        {
            md.Append("- **").Append(E(label)).Append(":** ").AppendLine(E(value));
        }
        md.AppendLine();
        if (report.Workspaces.Count == 0)
        {
            md.AppendLine(E(AccessReportText.NoWorkspace(report)));
        }
        foreach (var workspace in report.Workspaces)
        {
            Workspace(md, report, workspace);
        }
        return md.ToString();
    }

    private static void Workspace(StringBuilder md, AccessReport report, WorkspaceAccess workspace)
    {
        md.Append("## ").AppendLine(E(workspace.Name)).AppendLine();
        md.AppendLine(E(workspace.Workspace)).AppendLine();

        md.Append("### ").AppendLine(E(AccessReportText.PrivilegedHeading)).AppendLine();
        foreach (var operation in report.PrivilegedOperations)
        {
            md.Append("- **").Append(E(operation.Operation)).Append("**: ").Append(E(operation.Why)).Append(" Source: ").AppendLine(E(operation.Source));
        }
        md.AppendLine();
        Row(md, "Operation", "Who holds it", "Decision", "Why");
        Rule(md, 4);
        foreach (var privileged in workspace.Privileged)
        {
            if (privileged.Holders.Count == 0)
            {
                Row(md, privileged.Operation.Operation, "nobody", string.Empty, AccessReportText.NoHolder);
            }
            foreach (var holder in privileged.Holders)
            {
                Row(md, privileged.Operation.Operation, AccessReportText.Holder(holder), holder.Outcome.ToString(),
                    string.Join(" ", AccessReportText.Reasons(holder)));
            }
        }
        md.AppendLine();

        md.Append("### ").AppendLine(E(AccessReportText.ActivitiesHeading)).AppendLine();
        md.AppendLine(E(AccessReportText.ActivitiesNote)).AppendLine();
        Row(md, new[] { "Principal", "Type" }.Concat(report.Activities.Select(a => a.Name)).Concat(report.PrivilegedOperations.Select(o => AccessReportText.Short(o.Operation))).ToArray());
        Rule(md, 2 + report.Activities.Count + report.PrivilegedOperations.Count);
        foreach (var principal in workspace.Principals)
        {
            Row(md, new[] { AccessReportText.Name(principal.Principal), principal.Principal.Type.ToString() }.Concat(principal.Answers.Select(a => a.Outcome.ToString())).ToArray());
        }
        md.AppendLine();
        foreach (var principal in workspace.Principals)
        {
            var granted = principal.Answers.Where(a => a.Outcome != Outcome.NotGranted).ToList();
            if (granted.Count == 0)
            {
                continue;
            }
            md.Append("#### ").Append(E(AccessReportText.Name(principal.Principal))).Append(" (").Append(E(principal.Principal.Id)).AppendLine(")").AppendLine();
            foreach (var answer in granted)
            {
                md.Append("- **").Append(E(answer.Asked)).Append("**: ").Append(E(answer.Outcome.ToString())).Append(". ")
                    .AppendLine(E(string.Join(" ", AccessReportText.Reasons(answer))));
            }
            md.AppendLine();
        }

        md.Append("### ").AppendLine(E(AccessReportText.EligibleHeading)).AppendLine();
        if (workspace.EligibleOrConditional.Count == 0)
        {
            md.AppendLine(E(AccessReportText.NoEligible));
        }
        else
        {
            Row(md, "Principal", "Activity or operation", "Decision", "Why");
            Rule(md, 4);
            foreach (var (principal, answer) in workspace.EligibleOrConditional)
            {
                Row(md, AccessReportText.Name(principal.Principal), answer.Asked, answer.Outcome.ToString(), string.Join(" ", AccessReportText.Reasons(answer)));
            }
        }
        md.AppendLine();

        md.Append("### ").AppendLine(E(AccessReportText.DeniesHeading)).AppendLine();
        if (workspace.DenyAssignments.Count == 0)
        {
            md.AppendLine(E(AccessReportText.NoDeny));
        }
        else
        {
            Row(md, "Deny assignment", "Where", "Denies", "To", "Except", "Answers it blocks here");
            Rule(md, 6);
            foreach (var deny in workspace.DenyAssignments)
            {
                Row(md, deny.Deny.Name ?? deny.Deny.Id, AccessReportText.Reach(deny), AccessReportText.Denies(deny.Deny),
                    AccessReportText.Names(deny.Principals), AccessReportText.Names(deny.ExcludedPrincipals), deny.BlockedAnswers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        md.AppendLine();

        md.Append("### ").AppendLine(E(AccessReportText.GuardrailsHeading)).AppendLine();
        if (workspace.Guardrails.Count == 0)
        {
            md.AppendLine(E(AccessReportText.NoGuardrail));
        }
        else
        {
            md.AppendLine(E(AccessReportText.GuardrailsNote)).AppendLine();
            Row(md, "Model", "Azure Policy", "Why");
            Rule(md, 3);
            foreach (var guardrail in workspace.Guardrails)
            {
                Row(md, guardrail.Model.Model.AssetId, guardrail.Outcome.ToString(), string.Join(" ", AccessReportText.Reasons(guardrail)));
            }
        }
        md.AppendLine();
    }

    private static void Row(StringBuilder md, params string[] cells) =>
        md.Append("| ").Append(string.Join(" | ", cells.Select(E))).AppendLine(" |");

    private static void Rule(StringBuilder md, int columns) =>
        md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).AppendLine();

    // CommonMark lets a backslash escape any ASCII punctuation (https://spec.commonmark.org/0.31.2/#backslash-escapes);
    // these are the characters that start markup, a link, an HTML tag or a table cell. A line break would end the row.
    private static string E(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!' or '&')
            {
                escaped.Append('\\');
            }
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return escaped.ToString();
    }
}
