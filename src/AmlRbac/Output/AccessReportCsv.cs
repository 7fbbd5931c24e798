using System.Text;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An access report as CSV for a spreadsheet or a script: one row per workspace, principal and activity or privileged
/// operation, with the decision and its reasons as one readable string. RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180):
/// comma-separated, CRLF line ends, a header row, a field with a comma, quote or line break in double quotes with
/// quotes doubled. A field that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
/// return) is prefixed with a single quote, as OWASP's "CSV Injection" advises (https://owasp.org/www-community/attacks/CSV_Injection):
/// the names come from the tenant, and anyone who may name a group may write one.
/// </summary>
public static class AccessReportCsv
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "Workspace", "WorkspaceId", "Principal", "PrincipalId", "PrincipalType", "Kind", "Name", "Decision", "Reasons",
    };

    public static string Render(AccessReport report)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var workspace in report.Workspaces)
        {
            foreach (var principal in workspace.Principals)
            {
                foreach (var answer in principal.Answers)
                {
                    Row(csv, new[]
                    {
                        workspace.Name, workspace.Workspace, AccessReportText.Name(principal.Principal), principal.Principal.Id, principal.Principal.Type.ToString(),
                        answer.Operation is null ? "Activity" : "Operation", answer.Asked, answer.Outcome.ToString(),
                        string.Join(" ", AccessReportText.Reasons(answer)),
                    });
                }
            }
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(",", fields.Select(Field))).Append("\r\n");

    private static string Field(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
