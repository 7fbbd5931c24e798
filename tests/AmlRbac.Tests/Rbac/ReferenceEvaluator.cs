using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// The rules of Azure RBAC written out as plainly as possible, with no index, no cache and no
/// precomputation, to check the engine against (differential tests). Everything is recomputed per
/// question from the tenant's lists. The rules, in the order of [OV] overview.md "How Azure RBAC
/// determines if a user has access to a resource":
/// 1. The principal's groups: every group whose members include the principal or one of its groups,
///    repeated until nothing changes (transitive, cycles harmless).
/// 2. A scope reaches the question's scope when it is "/", the same scope (case-insensitive), a
///    prefix of it ending at a '/', or a management group above the subscription (or management group).
/// 3. An operation is granted by a block when one of its Actions (DataActions for a data operation)
///    matches and none of its NotActions (NotDataActions) does. '*' matches any characters, a
///    whole middle segment "/*/" also matches "/"; case-insensitive.
/// 4. A deny assignment blocks when it names everyone (the all-zero GUID, with or without dashes) or
///    the principal or one of its groups, excludes none of them, reaches the scope (only its own scope
///    when DoNotApplyToChildScopes), and one of its blocks grants the operation by rule 3. A blocking
///    deny makes the outcome Denied whatever else grants.
/// 5. Otherwise the strongest outcome over the assignments of the principal and its groups that reach
///    the scope and whose role grants the operation: Eligible for a PIM eligible assignment,
///    Conditional when the block's or the assignment's condition may restrict the operation (it has
///    no ActionMatches, or an ActionMatches pattern matches the operation), else Allowed. Allowed
///    beats Conditional beats Eligible beats NotGranted.
/// 6. Unless denied, the answer is Unknown when an assignment the tenant cannot judge could give more than rule 5
///    found: one of the principal's (or its groups') assignments that reach the scope and name a role the tenant
///    does not hold (it could give Eligible when eligible, else Conditional under a condition, else Allowed); or
///    an assignment that reaches the scope, held by a principal outside the closure, which is a group the tenant
///    lists no members of (typed Group by an assignment) or has such a group among its members, transitively,
///    and whose role grants the operation (or is not held), by rule 5.
/// </summary>
internal sealed class ReferenceEvaluator
{
    private const string ManagementGroupPrefix = "/providers/microsoft.management/managementgroups/";

    private readonly Tenant _tenant;
    private readonly IReadOnlyList<RoleDefinition> _builtInRoles;

    public ReferenceEvaluator(Tenant tenant, AmlCatalog catalog)
    {
        _tenant = tenant;
        _builtInRoles = catalog.BuiltInRoles;
    }

    private HashSet<Guid> Closure(string principalId)
    {
        var closure = new HashSet<Guid> { Guid.Parse(principalId) };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var group in _tenant.Groups)
            {
                if (group.Members.Any(m => closure.Contains(Guid.Parse(m))))
                {
                    grew |= closure.Add(Guid.Parse(group.Id));
                }
            }
        }
        return closure;
    }

    /// <summary>Whether the principal or one of its groups holds an assignment reaching the scope whose role grants the operation or is not held.</summary>
    public bool HoldsBearing(string principalId, string operation, bool isDataAction, string scope)
    {
        var closure = Closure(principalId);
        return _tenant.RoleAssignments.Any(a => closure.Contains(Guid.Parse(a.PrincipalId)) && Reaches(a.Scope, scope)
            && (FindRole(a.RoleDefinitionId) is not { } role || role.Permissions.Any(b => BlockGrants(b, operation, isDataAction))));
    }

    // Groups the tenant lists no members of: typed Group by an assignment, absent from Groups.
    private bool MembersUnheld(Guid principal) =>
        _tenant.RoleAssignments.Any(a => a.PrincipalType == PrincipalType.Group && Guid.Parse(a.PrincipalId) == principal)
        && !_tenant.Groups.Any(g => Guid.Parse(g.Id) == principal);

    // The holder, or anyone inside it transitively, is a group of unheld members.
    private bool MayHoldAnyone(Guid holder)
    {
        var inside = new HashSet<Guid> { holder };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var group in _tenant.Groups.Where(g => inside.Contains(Guid.Parse(g.Id))))
            {
                foreach (var member in group.Members)
                {
                    grew |= inside.Add(Guid.Parse(member));
                }
            }
        }
        return inside.Any(MembersUnheld);
    }

    public Outcome Decide(string principalId, string operation, bool isDataAction, string scope)
    {
        var closure = Closure(principalId);

        foreach (var deny in _tenant.DenyAssignments)
        {
            var named = deny.Principals.Any(p => Guid.Parse(p) == Guid.Empty || closure.Contains(Guid.Parse(p)));
            var excluded = deny.ExcludePrincipals.Any(p => closure.Contains(Guid.Parse(p)));
            var reaches = deny.DoNotApplyToChildScopes ? SameScope(deny.Scope, scope) : Reaches(deny.Scope, scope);
            if (named && !excluded && reaches && deny.Permissions.Any(p => BlockGrants(p, operation, isDataAction)))
            {
                return Outcome.Denied;
            }
        }

        var best = Outcome.NotGranted;
        var couldBe = Outcome.NotGranted;
        foreach (var assignment in _tenant.RoleAssignments)
        {
            if (!Reaches(assignment.Scope, scope))
            {
                continue;
            }
            var role = FindRole(assignment.RoleDefinitionId);
            var held = closure.Contains(Guid.Parse(assignment.PrincipalId));
            if (!held || role is null)
            {
                if (held || MayHoldAnyone(Guid.Parse(assignment.PrincipalId)))
                {
                    var blocks = role?.Permissions.Where(b => BlockGrants(b, operation, isDataAction)).ToList();
                    if (blocks is null || blocks.Count > 0)
                    {
                        var most = assignment.IsEligible ? Outcome.Eligible
                            : Restricts(assignment.Condition, operation) || (blocks is not null && blocks.All(b => Restricts(b.Condition, operation))) ? Outcome.Conditional
                            : Outcome.Allowed;
                        couldBe = Rank(most) > Rank(couldBe) ? most : couldBe;
                    }
                }
                continue;
            }
            foreach (var block in role?.Permissions ?? Array.Empty<Permission>())
            {
                if (!BlockGrants(block, operation, isDataAction))
                {
                    continue;
                }
                var outcome = assignment.IsEligible ? Outcome.Eligible
                    : Restricts(block.Condition, operation) || Restricts(assignment.Condition, operation) ? Outcome.Conditional
                    : Outcome.Allowed;
                if (Rank(outcome) > Rank(best))
                {
                    best = outcome;
                }
            }
        }
        return Rank(couldBe) > Rank(best) ? Outcome.Unknown : best;
    }

    /// <summary>What a role alone grants (no principal, no scope, no deny): rule 3 per block, then the block's condition.</summary>
    public static Outcome RoleAlone(RoleDefinition role, string operation, bool isDataAction)
    {
        var granting = role.Permissions.Where(block => BlockGrants(block, operation, isDataAction)).ToList();
        return granting.Count == 0 ? Outcome.NotGranted
            : granting.Any(block => !Restricts(block.Condition, operation)) ? Outcome.Allowed
            : Outcome.Conditional;
    }

    private RoleDefinition? FindRole(string id)
    {
        var guid = Guid.Parse(id.Split('/')[^1]);
        return _tenant.RoleDefinitions.LastOrDefault(r => Guid.Parse(r.Id) == guid)
            ?? _builtInRoles.FirstOrDefault(r => Guid.Parse(r.Id) == guid);
    }

    private static bool BlockGrants(Permission block, string operation, bool isDataAction)
    {
        var grants = isDataAction ? block.DataActions : block.Actions;
        var removes = isDataAction ? block.NotDataActions : block.NotActions;
        return grants.Any(p => Matches(p, operation)) && !removes.Any(p => Matches(p, operation));
    }

    // Memoised only because building a regex per call makes thousands of cases slow; the answer is
    // a pure function of the two strings.
    private static readonly ConcurrentDictionary<(string, string), bool> Matched = new();

    public static bool Matches(string pattern, string operation) => Matched.GetOrAdd((pattern, operation), key => MatchesNow(key.Item1, key.Item2));

    private static bool MatchesNow(string pattern, string operation)
    {
        var regex = "^" + Regex.Escape(pattern.Trim()).Replace("/\\*/", "/(.*/)?").Replace("\\*", ".*") + "$";
        return Regex.IsMatch(operation, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static bool Restricts(string? condition, string operation)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return false;
        }
        var gates = Regex.Matches(condition, @"ActionMatches\{'([^']*)'\}").Select(m => m.Groups[1].Value).ToList();
        return gates.Count == 0 || gates.Any(g => Matches(g, operation));
    }

    private static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Allowed => 3,
        Outcome.Conditional => 2,
        Outcome.Eligible => 1,
        _ => 0,
    };

    private static string Normal(string scope) => scope == "/" ? "/" : scope.TrimEnd('/').ToLowerInvariant();

    private static bool SameScope(string a, string b) => Normal(a) == Normal(b);

    private bool Reaches(string from, string to)
    {
        var above = Normal(from);
        var below = Normal(to);
        if (above == "/" || above == below || below.StartsWith(above + "/", StringComparison.Ordinal))
        {
            return true;
        }
        if (!above.StartsWith(ManagementGroupPrefix, StringComparison.Ordinal) || below == "/")
        {
            return false;
        }
        var group = above[ManagementGroupPrefix.Length..];
        string? current;
        if (below.StartsWith(ManagementGroupPrefix, StringComparison.Ordinal))
        {
            current = ParentOf(below[ManagementGroupPrefix.Length..]);
        }
        else
        {
            var subscription = below.Split('/')[2];
            current = _tenant.ManagementGroups.FirstOrDefault(g => g.Subscriptions.Any(s => s.Equals(subscription, StringComparison.OrdinalIgnoreCase)))?.Id;
        }
        for (var steps = 0; current is not null && steps < 100; steps++)
        {
            if (current.Equals(group, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            current = ParentOf(current);
        }
        return false;
    }

    private string? ParentOf(string managementGroup) =>
        _tenant.ManagementGroups.FirstOrDefault(g => g.Id.Equals(managementGroup, StringComparison.OrdinalIgnoreCase))?.Parent;
}
