using System.Net;
using System.Text;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An access report as one self-contained HTML page: inline CSS, no script, nothing fetched, so it reads the same
/// offline, attached to a ticket or opened from a share. Every value from the tenant is HTML-encoded. Each decision
/// cell shows the decision, its first reason on hover (title) and all of them in a details element. The markup is also well-formed
/// XML (every element closed, attributes quoted), so tools can parse it.
/// </summary>
public static class AccessReportHtml
{
    // One colour per decision; the class of a cell is "o-" and the decision's name.
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1b1b1b; background: #ffffff; }
        h1 { font-size: 1.6em; margin-bottom: 4px; }
        h2 { font-size: 1.3em; margin-top: 32px; border-bottom: 2px solid #0b5cad; padding-bottom: 4px; }
        h3 { font-size: 1.05em; margin-top: 20px; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        code, .id { font-family: ui-monospace, Consolas, monospace; font-size: 0.9em; word-break: break-all; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85em; margin: 6px 0; }
        th, td { border: 1px solid #c8c8c8; padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { background: #eef3f8; }
        table.grid thead th { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; vertical-align: bottom; }
        table.grid thead th.principal { writing-mode: horizontal-tb; transform: none; }
        details summary { cursor: pointer; font-weight: 600; white-space: nowrap; }
        details ul { margin: 4px 0 0 0; padding-left: 16px; font-weight: normal; min-width: 320px; }
        .o-Allowed { background: #c9ecd0; }
        .o-Conditional { background: #fff1b8; }
        .o-Eligible { background: #cfe2ff; }
        .o-NotGranted { background: #f4f4f4; color: #6b6b6b; }
        .o-Denied { background: #f8c9c9; }
        .o-Unknown { background: #ffd8a8; }
        .legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border: 1px solid #c8c8c8; }
        .muted { color: #6b6b6b; }
        """;

    public static string Render(AccessReport report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\" />");
        html.Append("<title>").Append(E($"{AccessReportText.Title}: {report.Scope}")).AppendLine("</title>");
        html.Append("<style>").Append(Style).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.Append("<h1>").Append(E(AccessReportText.Title)).AppendLine("</h1>");
        html.AppendLine("<dl class=\"facts\">");
        foreach (var (label, value) in AccessReportText.Facts(report))
        {
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).AppendLine("</dd>");
        }
        html.AppendLine("</dl>");
        html.Append("<p class=\"legend\">");
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            html.Append("<span class=\"o-").Append(outcome).Append("\">").Append(E(outcome.ToString())).Append("</span>");
        }
        html.AppendLine("</p>");
        if (report.Workspaces.Count == 0)
        {
            html.Append("<p>").Append(E(AccessReportText.NoWorkspace(report))).AppendLine("</p>");
        }
        else
        {
            html.AppendLine("<nav><ul>");
            for (var i = 0; i < report.Workspaces.Count; i++)
            {
                html.Append("<li><a href=\"#workspace-").Append(i + 1).Append("\">").Append(E(report.Workspaces[i].Name)).AppendLine("</a></li>");
            }
            html.AppendLine("</ul></nav>");
        }
        for (var i = 0; i < report.Workspaces.Count; i++)
        {
            Workspace(html, report, report.Workspaces[i], i + 1);
        }
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static void Workspace(StringBuilder html, AccessReport report, WorkspaceAccess workspace, int number)
    {
        html.Append("<section id=\"workspace-").Append(number).AppendLine("\">");
        html.Append("<h2>").Append(E(workspace.Name)).AppendLine("</h2>");
        html.Append("<p class=\"id\">").Append(E(workspace.Workspace)).AppendLine("</p>");
        Privileged(html, workspace);
        Activities(html, report, workspace);
        EligibleOrConditional(html, workspace);
        Denies(html, workspace);
        Guardrails(html, workspace);
        html.AppendLine("</section>");
    }

    private static void Privileged(StringBuilder html, WorkspaceAccess workspace)
    {
        html.Append("<h3>").Append(E(AccessReportText.PrivilegedHeading)).AppendLine("</h3>");
        html.AppendLine("<table class=\"privileged\">");
        html.AppendLine("<thead><tr><th>Operation</th><th>Why it is privileged</th><th>Who holds it</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var privileged in workspace.Privileged)
        {
            html.Append("<tr><td><code>").Append(E(privileged.Operation.Operation)).Append("</code></td>");
            html.Append("<td>").Append(E(privileged.Operation.Why)).Append("<details><summary>Source</summary><ul><li>")
                .Append(E(privileged.Operation.Source)).Append("</li></ul></details></td>");
            html.Append("<td>");
            if (privileged.Holders.Count == 0)
            {
                html.Append("<span class=\"muted\">").Append(E(AccessReportText.NoHolder)).Append("</span>");
            }
            else
            {
                html.Append("<table class=\"holders\"><tbody>");
                foreach (var holder in privileged.Holders)
                {
                    var name = AccessReportText.Holder(holder);
                    html.Append("<tr><th>").Append(E(name)).Append(holder.PrincipalType is { } type ? $" <span class=\"muted\">({E(type.ToString())})</span>" : string.Empty).Append("</th>");
                    Cell(html, holder);
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>");
            }
            html.AppendLine("</td></tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void Activities(StringBuilder html, AccessReport report, WorkspaceAccess workspace)
    {
        html.Append("<h3>").Append(E(AccessReportText.ActivitiesHeading)).AppendLine("</h3>");
        html.Append("<p class=\"muted\">").Append(E(AccessReportText.ActivitiesNote)).AppendLine("</p>");
        html.AppendLine("<div class=\"scroll\"><table class=\"grid\">");
        html.Append("<thead><tr><th class=\"principal\">Principal</th>");
        foreach (var activity in report.Activities)
        {
            html.Append("<th title=\"").Append(E(activity.DisplayName)).Append("\">").Append(E(activity.Name)).Append("</th>");
        }
        foreach (var operation in report.PrivilegedOperations)
        {
            html.Append("<th title=\"").Append(E(operation.Operation)).Append("\">").Append(E(AccessReportText.Short(operation.Operation))).Append("</th>");
        }
        html.AppendLine("</tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var principal in workspace.Principals)
        {
            html.Append("<tr><th title=\"").Append(E(principal.Principal.Id)).Append("\">").Append(E(AccessReportText.Name(principal.Principal)))
                .Append(" <span class=\"muted\">(").Append(E(principal.Principal.Type.ToString())).Append(")</span></th>");
            foreach (var answer in principal.Answers)
            {
                Cell(html, answer);
            }
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table></div>");
    }

    private static void EligibleOrConditional(StringBuilder html, WorkspaceAccess workspace)
    {
        html.Append("<h3>").Append(E(AccessReportText.EligibleHeading)).AppendLine("</h3>");
        var found = workspace.EligibleOrConditional;
        if (found.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(AccessReportText.NoEligible)).AppendLine("</p>");
            return;
        }
        html.AppendLine("<table class=\"eligible\"><thead><tr><th>Principal</th><th>Activity or operation</th><th>Decision</th></tr></thead><tbody>");
        foreach (var (principal, answer) in found)
        {
            html.Append("<tr><td>").Append(E(AccessReportText.Name(principal.Principal))).Append("</td><td><code>").Append(E(answer.Asked)).Append("</code></td>");
            Cell(html, answer);
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void Denies(StringBuilder html, WorkspaceAccess workspace)
    {
        html.Append("<h3>").Append(E(AccessReportText.DeniesHeading)).AppendLine("</h3>");
        if (workspace.DenyAssignments.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(AccessReportText.NoDeny)).AppendLine("</p>");
            return;
        }
        html.AppendLine("<table class=\"denies\"><thead><tr><th>Deny assignment</th><th>Where</th><th>Denies</th><th>To</th><th>Except</th><th>Answers it blocks here</th></tr></thead><tbody>");
        foreach (var deny in workspace.DenyAssignments)
        {
            html.Append("<tr><td>").Append(E(deny.Deny.Name ?? deny.Deny.Id)).Append("</td>")
                .Append("<td class=\"id\">").Append(E(AccessReportText.Reach(deny))).Append("</td>")
                .Append("<td><code>").Append(E(AccessReportText.Denies(deny.Deny))).Append("</code></td>")
                .Append("<td>").Append(E(AccessReportText.Names(deny.Principals))).Append("</td>")
                .Append("<td>").Append(E(AccessReportText.Names(deny.ExcludedPrincipals))).Append("</td>")
                .Append("<td>").Append(deny.BlockedAnswers).AppendLine("</td></tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void Guardrails(StringBuilder html, WorkspaceAccess workspace)
    {
        html.Append("<h3>").Append(E(AccessReportText.GuardrailsHeading)).AppendLine("</h3>");
        if (workspace.Guardrails.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(E(AccessReportText.NoGuardrail)).AppendLine("</p>");
            return;
        }
        html.Append("<p class=\"muted\">").Append(E(AccessReportText.GuardrailsNote)).AppendLine("</p>");
        html.AppendLine("<table class=\"guardrails\"><thead><tr><th>Model</th><th>Azure Policy</th></tr></thead><tbody>");
        foreach (var guardrail in workspace.Guardrails)
        {
            html.Append("<tr><td><code>").Append(E(guardrail.Model.Model.AssetId)).Append("</code></td>");
            DecisionCell(html, guardrail.Outcome.ToString(), AccessReportText.Reasons(guardrail));
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    private static void Cell(StringBuilder html, PermissionAnswer answer) =>
        DecisionCell(html, answer.Outcome.ToString(), AccessReportText.Reasons(answer));

    // The decision, its first reason on hover (title), and every reason in a details element that opens on a click
    // (the title holds one sentence only: a report has hundreds of cells, and each would carry its reasons twice).
    private static void DecisionCell(StringBuilder html, string decision, IReadOnlyList<string> reasons)
    {
        html.Append("<td class=\"o-").Append(E(decision)).Append("\" title=\"").Append(E(reasons.Count == 0 ? decision : decision + ": " + reasons[0])).Append("\">");
        html.Append("<details><summary>").Append(E(decision)).Append("</summary><ul>");
        foreach (var reason in reasons)
        {
            html.Append("<li>").Append(E(reason)).Append("</li>");
        }
        html.Append("</ul></details></td>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
