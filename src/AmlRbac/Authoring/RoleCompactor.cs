using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>One wildcard that replaced a run of exact entries.</summary>
public sealed record CompactedEntry(string List, string Wildcard, IReadOnlyList<string> Replaced);

/// <summary>A role made shorter, the role it came from, and the evaluator's proof that both grant the same.</summary>
public sealed record RoleCompaction
{
    public required RoleDefinition Compact { get; init; }
    public required RoleDefinition Explicit { get; init; }
    public required IReadOnlyList<CompactedEntry> Replacements { get; init; }
    /// <summary>The compact role compared with the explicit one over the catalog; <see cref="RoleComparison.Same"/> is the proof.</summary>
    public required RoleComparison Proof { get; init; }
}

/// <summary>
/// -Compact: replaces exact Actions / DataActions entries by a trailing wildcard ("prefix/*") only where
/// the role with the wildcard grants exactly the catalog operations the role without it grants, as
/// <see cref="AccessEvaluator.GrantedOperations"/> decides (over every catalog operation, so over every provider the
/// roles name). Broader wildcards are tried first, so the result is
/// as short as this rule allows. Only operations of providers the catalog lists in full are replaced:
/// elsewhere the catalog cannot tell what a wildcard would add. A wildcard also covers operations a
/// provider adds later; the proof holds for the catalog's operations.
/// </summary>
public static class RoleCompactor
{
    public static RoleCompaction Compact(AccessEvaluator evaluator, RoleDefinition role)
    {
        var target = evaluator.GrantedOperations(role);
        var replacements = new List<CompactedEntry>();
        var blocks = role.Permissions.ToList();
        for (var b = 0; b < blocks.Count; b++)
        {
            RoleDefinition With(Permission block) => role with { Permissions = blocks.Select((p, i) => i == b ? block : p).ToList() };
            bool Same(Permission block) => evaluator.GrantedOperations(With(block)).SequenceEqual(target);

            var actions = CompactList(evaluator, blocks[b].Actions, "Actions", replacements, list => Same(blocks[b] with { Actions = list }));
            blocks[b] = blocks[b] with { Actions = actions };
            var dataActions = CompactList(evaluator, blocks[b].DataActions, "DataActions", replacements, list => Same(blocks[b] with { DataActions = list }));
            blocks[b] = blocks[b] with { DataActions = dataActions };
        }
        var compact = role with { Permissions = blocks };
        return new RoleCompaction
        {
            Compact = compact,
            Explicit = role,
            Replacements = replacements,
            Proof = RoleComparison.Compare(evaluator, compact, role),
        };
    }

    private static IReadOnlyList<string> CompactList(
        AccessEvaluator evaluator, IReadOnlyList<string> entries, string listName, List<CompactedEntry> replacements, Func<IReadOnlyList<string>, bool> grantsTheSame)
    {
        var current = entries.ToList();
        foreach (var prefix in Prefixes(evaluator, current))
        {
            var covered = current.Where(e => IsReplaceable(evaluator, e) && e.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
            if (covered.Count < 2)
            {
                continue;
            }
            var wildcard = prefix + "*";
            var candidate = current.Where(e => !covered.Contains(e)).ToList();
            candidate.Insert(current.IndexOf(covered[0]), wildcard);
            if (grantsTheSame(candidate))
            {
                current = candidate;
                replacements.Add(new CompactedEntry(listName, wildcard, covered));
            }
        }
        return current;
    }

    // Every "segment/.../" prefix of the replaceable entries, broadest first.
    private static IEnumerable<string> Prefixes(AccessEvaluator evaluator, IReadOnlyList<string> entries) => entries
        .Where(e => IsReplaceable(evaluator, e))
        .SelectMany(e =>
        {
            var segments = e.Split('/');
            return Enumerable.Range(1, segments.Length - 1).Select(n => string.Join('/', segments.Take(n)) + "/");
        })
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .OrderBy(p => p.Count(c => c == '/'))
        .ThenBy(p => p, StringComparer.OrdinalIgnoreCase)
        .ToList();

    private static bool IsReplaceable(AccessEvaluator evaluator, string entry) =>
        !entry.Contains('*') && evaluator.Catalog.IndexOfOperation(entry) >= 0;
}
