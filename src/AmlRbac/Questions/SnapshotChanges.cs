using System.Text.Json;
using System.Text.Json.Serialization;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// The items that differ between two snapshots of one tenant, each matched by its id (ids compare case-insensitively,
/// as ARM's do): role assignments (active and eligible), role definitions, group memberships (member by member), deny
/// assignments, and the Azure Policy assignments, exemptions and definitions. Each change keeps the item as it was and
/// as it is, which the comparison needs to find whom and where it can affect.
/// </summary>
internal static class SnapshotChanges
{
    /// <summary>One change, with the item before (null when added) and after (null when removed).</summary>
    internal sealed record Found(SnapshotChange Change, object? Before, object? After);

    // Edits are found by comparing the items' serialized values: most records hold lists, which compare by reference.
    private static readonly JsonSerializerOptions Comparing = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<Found> Between(AccessEvaluator before, AccessEvaluator after)
    {
        var b = before.Tenant;
        var a = after.Tenant;
        var found = new List<Found>();
        // A role assignment holds no list, so its record equality compares its values (and is fast on a large tenant).
        found.AddRange(Match(b.RoleAssignments, a.RoleAssignments, r => r.Id, (kind, x, y) => Assignment(kind, x, y, before, after), (x, y) => x == y));
        // A role definition names the file it was read from (Source), which differs between any two snapshots.
        found.AddRange(Match(b.RoleDefinitions.Select(r => r with { Source = null }).ToList(), a.RoleDefinitions.Select(r => r with { Source = null }).ToList(),
            r => r.Id, RoleDefinition));
        found.AddRange(Memberships(b, a, before, after));
        found.AddRange(Match(b.DenyAssignments, a.DenyAssignments, d => d.Id, Deny));
        found.AddRange(Match(b.Policy.Assignments, a.Policy.Assignments, p => p.Id, PolicyAssignment));
        found.AddRange(Match(b.Policy.Exemptions, a.Policy.Exemptions, e => e.Id, Exemption));
        found.AddRange(Match(b.Policy.Definitions, a.Policy.Definitions, d => d.Id, (kind, x, y) => new SnapshotChange
        {
            Kind = ChangedItemKind.PolicyDefinition, Change = kind, Id = (y ?? x)!.Id, Name = (y ?? x)!.DisplayName ?? (y ?? x)!.Name,
            Detail = kind == ChangeType.Edited ? "definition edited" : kind.ToString().ToLowerInvariant(),
        }));
        return found;
    }

    // Items of both lists by id: those only before (removed), only after (added), and those whose value differs (edited).
    private static IEnumerable<Found> Match<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id,
        Func<ChangeType, T?, T?, SnapshotChange> describe, Func<T, T, bool>? same = null) where T : class
    {
        same ??= (x, y) => JsonSerializer.Serialize(x, Comparing) == JsonSerializer.Serialize(y, Comparing);
        var earlier = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in before)
        {
            earlier.TryAdd(id(item), item);
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in after)
        {
            if (!seen.Add(id(item)))
            {
                continue;
            }
            if (!earlier.TryGetValue(id(item), out var old))
            {
                yield return new Found(describe(ChangeType.Added, null, item), null, item);
            }
            else if (!same(old, item))
            {
                yield return new Found(describe(ChangeType.Edited, old, item), old, item);
            }
        }
        foreach (var (key, item) in earlier)
        {
            if (!seen.Contains(key))
            {
                yield return new Found(describe(ChangeType.Removed, item, null), item, null);
            }
        }
    }

    private static SnapshotChange Assignment(ChangeType kind, RoleAssignment? x, RoleAssignment? y, AccessEvaluator before, AccessEvaluator after)
    {
        var item = (y ?? x)!;
        string RoleName(RoleAssignment r, AccessEvaluator ev) => ev.FindRole(r.RoleDefinitionId)?.Name ?? r.RoleDefinitionId;
        string Who(RoleAssignment r) => after.DisplayNameOf(r.PrincipalId) ?? before.DisplayNameOf(r.PrincipalId) ?? r.PrincipalId;
        var detail = kind switch
        {
            ChangeType.Edited => string.Join("; ", new[]
            {
                Differs(x!.RoleDefinitionId, y!.RoleDefinitionId) ? $"role {RoleName(x, before)} -> {RoleName(y, after)}" : null,
                Differs(x.PrincipalId, y.PrincipalId) ? $"principal {Who(x)} -> {Who(y)}" : null,
                Differs(x.Scope, y.Scope) ? $"scope {x.Scope} -> {y.Scope}" : null,
                Differs(x.Condition, y.Condition) || Differs(x.ConditionVersion, y.ConditionVersion)
                    ? (y.Condition is null ? "condition removed" : x.Condition is null ? "condition added" : "condition edited") : null,
                x.IsEligible != y.IsEligible ? (y.IsEligible ? "active -> eligible" : "eligible -> active") : null,
            }.OfType<string>()),
            _ => $"{(item.IsEligible ? "eligible " : "")}{RoleName(item, y is null ? before : after)} for {Who(item)}",
        };
        return new SnapshotChange
        {
            Kind = ChangedItemKind.RoleAssignment, Change = kind, Id = item.Id, Name = RoleName(item, y is null ? before : after),
            Scope = item.Scope, Detail = detail.Length == 0 ? "edited" : detail,
        };
    }

    private static SnapshotChange RoleDefinition(ChangeType kind, RoleDefinition? x, RoleDefinition? y)
    {
        var item = (y ?? x)!;
        var detail = kind == ChangeType.Edited
            ? string.Join("; ", new[]
            {
                Differs(x!.Name, y!.Name) ? $"renamed {x.Name} -> {y.Name}" : null,
                ListDelta("actions", x.Permissions.SelectMany(p => p.Actions), y.Permissions.SelectMany(p => p.Actions)),
                ListDelta("notActions", x.Permissions.SelectMany(p => p.NotActions), y.Permissions.SelectMany(p => p.NotActions)),
                ListDelta("dataActions", x.Permissions.SelectMany(p => p.DataActions), y.Permissions.SelectMany(p => p.DataActions)),
                ListDelta("notDataActions", x.Permissions.SelectMany(p => p.NotDataActions), y.Permissions.SelectMany(p => p.NotDataActions)),
                ListDelta("assignableScopes", x.AssignableScopes, y.AssignableScopes),
            }.OfType<string>())
            : $"{(item.IsCustom ? "custom" : "built-in")} role {kind.ToString().ToLowerInvariant()}";
        return new SnapshotChange
        {
            Kind = ChangedItemKind.RoleDefinition, Change = kind, Id = item.Id, Name = item.Name,
            Detail = detail.Length == 0 ? "edited (conditions or description)" : detail,
        };
    }

    // Group membership member by member: a group added or removed whole shows as its members added or removed.
    private static IEnumerable<Found> Memberships(Tenant b, Tenant a, AccessEvaluator before, AccessEvaluator after)
    {
        var earlier = b.Groups.GroupBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var later = a.Groups.GroupBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var id in earlier.Keys.Union(later.Keys, StringComparer.OrdinalIgnoreCase).OrderBy(k => k, StringComparer.OrdinalIgnoreCase))
        {
            var was = earlier.TryGetValue(id, out var g1) ? g1.Members : Array.Empty<string>();
            var now = later.TryGetValue(id, out var g2) ? g2.Members : Array.Empty<string>();
            var name = g2?.DisplayName ?? g1?.DisplayName;
            foreach (var (member, kind) in now.Except(was, StringComparer.OrdinalIgnoreCase).Select(m => (m, ChangeType.Added))
                .Concat(was.Except(now, StringComparer.OrdinalIgnoreCase).Select(m => (m, ChangeType.Removed))))
            {
                var who = after.DisplayNameOf(member) ?? before.DisplayNameOf(member) ?? member;
                yield return new Found(new SnapshotChange
                {
                    Kind = ChangedItemKind.GroupMembership, Change = kind, Id = id, Name = name, MemberId = member,
                    Detail = $"{who} {(kind == ChangeType.Added ? "added to" : "removed from")} {name ?? id}",
                }, kind == ChangeType.Removed ? member : null, kind == ChangeType.Added ? member : null);
            }
        }
    }

    private static SnapshotChange Deny(ChangeType kind, DenyAssignment? x, DenyAssignment? y)
    {
        var item = (y ?? x)!;
        var detail = kind == ChangeType.Edited
            ? string.Join("; ", new[]
            {
                ListDelta("principals", x!.Principals, y!.Principals),
                ListDelta("excludePrincipals", x.ExcludePrincipals, y.ExcludePrincipals),
                ListDelta("actions", x.Permissions.SelectMany(p => p.Actions), y.Permissions.SelectMany(p => p.Actions)),
                ListDelta("notActions", x.Permissions.SelectMany(p => p.NotActions), y.Permissions.SelectMany(p => p.NotActions)),
                ListDelta("dataActions", x.Permissions.SelectMany(p => p.DataActions), y.Permissions.SelectMany(p => p.DataActions)),
                ListDelta("notDataActions", x.Permissions.SelectMany(p => p.NotDataActions), y.Permissions.SelectMany(p => p.NotDataActions)),
                x.DoNotApplyToChildScopes != y.DoNotApplyToChildScopes ? $"doNotApplyToChildScopes {x.DoNotApplyToChildScopes} -> {y.DoNotApplyToChildScopes}" : null,
                Differs(x.Scope, y.Scope) ? $"scope {x.Scope} -> {y.Scope}" : null,
            }.OfType<string>())
            : $"denies {string.Join(", ", item.Permissions.SelectMany(p => p.Actions.Concat(p.DataActions)))}" +
              (item.ExcludePrincipals.Count > 0 ? $", {item.ExcludePrincipals.Count} principal(s) excluded" : "") +
              (item.DoNotApplyToChildScopes ? ", not to child scopes" : "");
        return new SnapshotChange
        {
            Kind = ChangedItemKind.DenyAssignment, Change = kind, Id = item.Id, Name = item.Name, Scope = item.Scope,
            Detail = detail.Length == 0 ? "edited" : detail,
        };
    }

    private static SnapshotChange PolicyAssignment(ChangeType kind, PolicyAssignment? x, PolicyAssignment? y)
    {
        var item = (y ?? x)!;
        var detail = kind == ChangeType.Edited
            ? string.Join("; ", new[]
            {
                x!.EnforcementMode != y!.EnforcementMode ? $"enforcementMode {x.EnforcementMode} -> {y.EnforcementMode}" : null,
                Differs(x.PolicyDefinitionId, y.PolicyDefinitionId) ? $"policyDefinitionId {x.PolicyDefinitionId} -> {y.PolicyDefinitionId}" : null,
                ListDelta("notScopes", x.NotScopes.Select(s => s.Value), y.NotScopes.Select(s => s.Value)),
                JsonSerializer.Serialize(x.Parameters, Comparing) != JsonSerializer.Serialize(y.Parameters, Comparing) ? "parameters edited" : null,
                x.Scope.Equals(y.Scope) ? null : $"scope {x.Scope} -> {y.Scope}",
            }.OfType<string>())
            : $"{item.PolicyDefinitionId}, enforcementMode {item.EnforcementMode}";
        return new SnapshotChange
        {
            Kind = ChangedItemKind.PolicyAssignment, Change = kind, Id = item.Id, Name = item.DisplayName ?? item.Name, Scope = item.Scope.Value,
            Detail = detail.Length == 0 ? "edited" : detail,
        };
    }

    private static SnapshotChange Exemption(ChangeType kind, PolicyExemption? x, PolicyExemption? y)
    {
        var item = (y ?? x)!;
        var detail = kind == ChangeType.Edited
            ? string.Join("; ", new[]
            {
                x!.Category != y!.Category ? $"category {x.Category} -> {y.Category}" : null,
                x.ExpiresOn != y.ExpiresOn ? $"expiresOn {x.ExpiresOn?.ToString("u") ?? "none"} -> {y.ExpiresOn?.ToString("u") ?? "none"}" : null,
                Differs(x.PolicyAssignmentId, y.PolicyAssignmentId) ? $"policyAssignmentId {x.PolicyAssignmentId} -> {y.PolicyAssignmentId}" : null,
                ListDelta("policyDefinitionReferenceIds", x.PolicyDefinitionReferenceIds, y.PolicyDefinitionReferenceIds),
            }.OfType<string>())
            : $"{item.Category} of {item.PolicyAssignmentId}";
        return new SnapshotChange
        {
            Kind = ChangedItemKind.PolicyExemption, Change = kind, Id = item.Id, Name = item.DisplayName ?? item.Name, Scope = item.Scope.Value,
            Detail = detail.Length == 0 ? "edited" : detail,
        };
    }

    private static bool Differs(string? x, string? y) => !string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

    // "actions +a, +b, -c": entries added and removed, in list order; null when the lists hold the same entries.
    private static string? ListDelta(string list, IEnumerable<string> before, IEnumerable<string> after)
    {
        var was = before.ToList();
        var now = after.ToList();
        var changes = now.Except(was, StringComparer.OrdinalIgnoreCase).Select(e => "+" + e)
            .Concat(was.Except(now, StringComparer.OrdinalIgnoreCase).Select(e => "-" + e))
            .ToList();
        return changes.Count == 0 ? null : $"{list} {string.Join(", ", changes)}";
    }
}
