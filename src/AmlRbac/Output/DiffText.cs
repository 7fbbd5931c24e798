using System.Text;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.Output;

/// <summary>
/// amlrbac diff and Compare-AmlRbacSnapshot for people: both files with their digests, the changed items numbered,
/// then the changed decisions grouped by principal or by workspace, one table per group, whose Cause column names
/// the items by number. The scope is shortened from the left (its end tells it apart) and what was asked wraps in
/// the last column, so a table fits the width (120 at most).
/// </summary>
public static class DiffText
{
    public const int DefaultWidth = 120;
    private const int ScopeWidth = 22;
    private const int PrincipalWidth = 20;

    public static string Render(SnapshotDiff diff, DiffGrouping grouping = DiffGrouping.Principal, int width = DefaultWidth)
    {
        var index = DiffJson.Indexes(diff);
        var text = new StringBuilder();
        Evidence(text, "Before", diff.Before, width);
        Evidence(text, "After", diff.After, width);
        text.AppendLine($"{diff.Items.Count} changed item(s); {diff.Decisions.Count} changed decision(s) in {diff.PairsEvaluated} (principal, scope) pair(s) the items reach.");
        if (diff.Items.Count > 0)
        {
            text.AppendLine().AppendLine("Changed items");
            foreach (var item in diff.Items)
            {
                var where = item.Scope is null ? "" : $" at {item.Scope}";
                // An assignment's detail starts with its role's name, which is its name.
                var name = item.Name is { } known && item.Detail.StartsWith(known, StringComparison.Ordinal) ? "" : $"{item.Name ?? item.Id}: ";
                foreach (var line in TextWrap.Wrap($"[{index[item]}] {item.Kind} {item.Change.ToString().ToLowerInvariant()}: {name}{item.Detail}{where}", width - 2))
                {
                    text.Append("  ").AppendLine(line);
                }
            }
        }
        if (!diff.HasChanges)
        {
            text.AppendLine().AppendLine("No decision changed.");
            return text.ToString();
        }
        foreach (var group in diff.GroupBy(grouping))
        {
            var first = group.First();
            text.AppendLine();
            var title = grouping == DiffGrouping.Principal
                ? (first.PrincipalId == DecisionChange.Anyone ? "Anyone (Azure Policy on model deployments)" : $"{first.PrincipalName ?? first.PrincipalId} ({first.PrincipalId})")
                : group.Key;
            foreach (var line in TextWrap.Wrap(title, width))
            {
                text.AppendLine(line);
            }
            // What was asked goes last, where it wraps whole: an operation's name is told apart by all of it.
            var headers = grouping == DiffGrouping.Principal
                ? new[] { "Before", "After", "Cause", "Scope", "Asked" }
                : new[] { "Principal", "Before", "After", "Cause", "Asked" };
            var rows = group.Select(d =>
            {
                var asked = d.Model is null ? d.Asked : $"deploy {d.Model}";
                var cells = new List<string>();
                if (grouping == DiffGrouping.Workspace)
                {
                    cells.Add(d.PrincipalId == DecisionChange.Anyone ? "(anyone)" : Shorten(d.PrincipalName ?? d.PrincipalId, PrincipalWidth));
                    // The group's title is the workspace; a scope inside it (a compute ...) is said with what was asked.
                    asked = string.Equals(d.Scope, d.Workspace, StringComparison.OrdinalIgnoreCase) ? asked : $"{asked} at {d.Scope}";
                }
                cells.Add(d.Before.ToString());
                cells.Add(d.After.ToString());
                cells.Add(string.Join(" ", d.Causes.Select(c => $"[{index[c]}]")));
                if (grouping == DiffGrouping.Principal)
                {
                    cells.Add(TextWrap.Shorten(d.Scope, ScopeWidth));
                }
                cells.Add(asked);
                return (IReadOnlyList<string>)cells;
            });
            text.Append(TextTable.Render(headers, rows, width));
        }
        return text.ToString();
    }

    // A name is shortened at its end (a display name is read from its start), unlike a path.
    private static string Shorten(string name, int width) => name.Length <= width ? name : name[..(width - TextWrap.Ellipsis.Length)] + TextWrap.Ellipsis;

    private static void Evidence(StringBuilder text, string label, SnapshotEvidence? file, int width)
    {
        if (file is null)
        {
            return;
        }
        foreach (var line in TextWrap.Wrap($"{label}: {file.Path} (sha256 {file.Sha256}, {file.Bytes} bytes)", width))
        {
            text.AppendLine(line);
        }
    }
}
