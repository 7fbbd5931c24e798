using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.Output;

/// <summary>
/// amlrbac diff --format json (docs/DIFF.md; property names are a contract):
/// { "before": file, "after": file, "changed", "pairsEvaluated", "items": [ item ], "decisions": [ decision ],
///   "byPrincipal": [ { "principalId", "principalName"?, "decisions" } ], "byWorkspace": [ { "workspace", "decisions" } ] }.
/// A file: { "path", "sha256", "bytes" }. An item: { "index", "kind", "change", "id", "name"?, "scope"?, "memberId"?, "detail" }.
/// A decision: { "principalId", "principalName"?, "kind", "asked", "model"?, "scope", "workspace", "before", "after",
/// "causes": [ item index ] }.
/// </summary>
public static class DiffJson
{
    public static string Render(SnapshotDiff diff) => JsonOutput.Build(w =>
    {
        var index = Indexes(diff);
        w.WriteStartObject();
        WriteFile(w, "before", diff.Before);
        WriteFile(w, "after", diff.After);
        w.WriteBoolean("changed", diff.HasChanges);
        w.WriteNumber("pairsEvaluated", diff.PairsEvaluated);
        w.WriteArray("items", diff.Items, (w, item) =>
        {
            w.WriteStartObject();
            w.WriteNumber("index", index[item]);
            w.WriteString("kind", item.Kind.ToString());
            w.WriteString("change", item.Change.ToString());
            w.WriteString("id", item.Id);
            w.WriteStringIfSet("name", item.Name);
            w.WriteStringIfSet("scope", item.Scope);
            w.WriteStringIfSet("memberId", item.MemberId);
            w.WriteString("detail", item.Detail);
            w.WriteEndObject();
        });
        w.WriteArray("decisions", diff.Decisions, (w, decision) =>
        {
            w.WriteStartObject();
            w.WriteString("principalId", decision.PrincipalId);
            w.WriteStringIfSet("principalName", decision.PrincipalName);
            w.WriteString("kind", decision.Kind.ToString());
            w.WriteString("asked", decision.Asked);
            w.WriteStringIfSet("model", decision.Model);
            w.WriteString("scope", decision.Scope);
            w.WriteString("workspace", decision.Workspace);
            w.WriteString("before", decision.Before.ToString());
            w.WriteString("after", decision.After.ToString());
            w.WriteArray("causes", decision.Causes, (w, cause) => w.WriteNumberValue(index[cause]));
            w.WriteEndObject();
        });
        w.WriteArray("byPrincipal", diff.GroupBy(DiffGrouping.Principal), (w, group) =>
        {
            w.WriteStartObject();
            w.WriteString("principalId", group.Key);
            w.WriteStringIfSet("principalName", group.First().PrincipalName);
            w.WriteNumber("decisions", group.Count());
            w.WriteEndObject();
        });
        w.WriteArray("byWorkspace", diff.GroupBy(DiffGrouping.Workspace), (w, group) =>
        {
            w.WriteStartObject();
            w.WriteString("workspace", group.Key);
            w.WriteNumber("decisions", group.Count());
            w.WriteEndObject();
        });
        w.WriteEndObject();
    });

    /// <summary>Each changed item's number, from 1 in <see cref="SnapshotDiff.Items"/> order: what a decision's causes and the table's Cause column name.</summary>
    internal static Dictionary<SnapshotChange, int> Indexes(SnapshotDiff diff)
    {
        // By reference: two items of one diff are never the same item, even when their values match.
        var indexes = new Dictionary<SnapshotChange, int>(ReferenceEqualityComparer.Instance);
        foreach (var item in diff.Items)
        {
            indexes[item] = indexes.Count + 1;
        }
        return indexes;
    }

    private static void WriteFile(Utf8JsonWriter w, string name, SnapshotEvidence? file)
    {
        if (file is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("path", file.Path);
        w.WriteString("sha256", file.Sha256);
        w.WriteNumber("bytes", file.Bytes);
        w.WriteEndObject();
    }
}
