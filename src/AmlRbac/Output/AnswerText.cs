using System.Text;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// Answers as plain text for a terminal: one block per answer, the decision first, then what was asked
/// (operation or activity), who (principal or role) and where (scope), then why, one sentence per
/// line, wrapped to the width given.
/// </summary>
/// <example>
/// NotGranted  Microsoft.MachineLearningServices/workspaces/computes/write
///   role      AzureML Data Scientist
///   why       - Removed by NotActions 'Microsoft.MachineLearningServices/workspaces/computes/*/write'
///               of role 'AzureML Data Scientist'.
/// </example>
public static class AnswerText
{
    // "Conditional" is the longest decision; labels are indented under it.
    private const int DecisionWidth = 12;
    private const string LabelIndent = "  ";
    private const int LabelWidth = 10;

    /// <summary>The answers, blocks separated by a blank line.</summary>
    public static string Render(IEnumerable<PermissionAnswer> answers, int width)
    {
        var text = new StringBuilder();
        foreach (var answer in answers)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }
            Render(text, answer, width);
        }
        return text.ToString();
    }

    private static void Render(StringBuilder text, PermissionAnswer answer, int width)
    {
        var operation = answer.Operation;
        var activity = answer.Activity;
        var what = operation is not null
            ? operation.Action + (operation.IsDataAction ? " (data action)" : string.Empty)
            : $"{activity!.Activity.Name} ({activity.Activity.DisplayName})";
        AppendHanging(text, answer.Outcome.ToString().PadRight(DecisionWidth), what, width);

        var principalId = operation is not null ? operation.PrincipalId : activity!.PrincipalId;
        if (principalId is not null)
        {
            var name = answer.PrincipalName is { } known && !string.Equals(known, principalId, StringComparison.OrdinalIgnoreCase)
                ? $"{known} ({principalId})"
                : principalId;
            AppendLabeled(text, "principal", answer.PrincipalType is { } type ? $"{name}, {type}" : name, width);
        }
        if ((operation is not null ? operation.RoleName : activity!.RoleName) is { } role)
        {
            AppendLabeled(text, "role", role, width);
        }
        if ((operation is not null ? operation.Scope : activity!.Scope) is { } scope)
        {
            AppendLabeled(text, "scope", scope, width);
        }
        if (answer.Resource is { } resource)
        {
            AppendLabeled(text, "resource", $"{resource.Kind.ToString().ToLowerInvariant()} {resource.Name} ({resource.Id})", width);
        }
        if (answer.Deployment is { } deployment)
        {
            AppendLabeled(text, "model", deployment.Model.AssetId, width);
        }
        var why = LabelIndent + "why".PadRight(LabelWidth);
        AppendLines(text, why, TextWrap.Bullets(DecisionText.Explain(answer), width - why.Length));
    }

    private static void AppendLabeled(StringBuilder text, string label, string value, int width) =>
        AppendHanging(text, LabelIndent + label.PadRight(LabelWidth), value, width);

    // The first line starts with the prefix; wrapped lines are indented to where the value began.
    private static void AppendHanging(StringBuilder text, string prefix, string value, int width) =>
        AppendLines(text, prefix, TextWrap.Wrap(value, width - prefix.Length));

    private static void AppendLines(StringBuilder text, string prefix, IReadOnlyList<string> lines)
    {
        var indent = new string(' ', prefix.Length);
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(i == 0 ? prefix : indent).AppendLine(lines[i]);
        }
    }
}
