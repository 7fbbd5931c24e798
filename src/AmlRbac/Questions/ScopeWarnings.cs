using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// The warning about a scope a snapshot lists nothing at (issue #13: a mistyped workspace name is still answered by
/// Azure's rules, from what is assigned above it, so the answer would look real). A snapshot document
/// (<see cref="Tenant.IsInventory"/>) holds a scope when one of the scopes it lists is at or below it (a listed scope
/// implies the resource group, subscription and management group above it), when the scope is below a listed
/// resource (a workspace's computes and endpoints are not listed), or when it is a management group of its hierarchy
/// or a subscription one of them places. The scopes it lists: its workspaces, and the scopes of its role
/// assignments, deny assignments, policy assignments and policy exemptions. Piped objects and the empty tenant are not
/// inventories, so they get no warning.
/// </summary>
public static class ScopeWarnings
{
    public static IReadOnlyList<string> For(Tenant tenant, string? scope)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.IsInventory || !Scope.TryParse(scope, out var asked, out _) || asked.Level == ScopeLevel.Root || Holds(tenant, asked))
        {
            return Array.Empty<string>();
        }
        // A mistyped name is told by its last segment: comparing whole ids would find every id of a similar length.
        var sameLevel = Listed(tenant)
            .Where(s => Scope.TryParse(s, out var listed, out _) && listed.Level == asked.Level)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var closest = Suggestions.Closest(NameOf(asked.Value), sameLevel.Select(NameOf).Distinct(StringComparer.OrdinalIgnoreCase));
        var suggested = sameLevel.Where(s => closest.Contains(NameOf(s), StringComparer.OrdinalIgnoreCase)).Take(3).ToList();
        return new[]
        {
            $"{tenant.Source ?? "The snapshot"} lists nothing at or below '{asked.Value}' (no workspace, role assignment, deny assignment, policy assignment or exemption): " +
            "if the name is mistyped, no such resource may exist. The answer follows Azure's rules for the scope as given, from what is assigned above it." +
            (suggested.Count == 0 ? string.Empty : " Did you mean " + string.Join(" or ", suggested.Select(c => $"'{c}'")) + "?"),
        };
    }

    private static string NameOf(string scope) => scope[(scope.LastIndexOf('/') + 1)..];

    private static bool Holds(Tenant tenant, Scope asked)
    {
        foreach (var listed in Listed(tenant))
        {
            if (Scope.IsAtOrAbove(asked.Value, listed))
            {
                return true;
            }
            if (Scope.IsAtOrAbove(listed, asked.Value) && Scope.TryParse(listed, out var above, out _) && above.Level == ScopeLevel.Resource)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> Listed(Tenant tenant) =>
        tenant.Workspaces
            .Concat(tenant.RoleAssignments.Select(a => a.Scope))
            .Concat(tenant.DenyAssignments.Select(d => d.Scope))
            .Concat(tenant.Policy.Assignments.Select(a => a.Scope.Value))
            .Concat(tenant.Policy.Exemptions.Select(e => e.Scope.Value))
            .Concat(tenant.ManagementGroups.Select(g => Scope.ForManagementGroup(g.Id).Value))
            .Concat(tenant.ManagementGroups.SelectMany(g => g.Subscriptions).Select(s => "/subscriptions/" + s));
}
