using System.Text.RegularExpressions;
using AmlRbac.Model;

namespace AmlRbac.Benchmarks;

/// <summary>
/// The evaluator a script would write, the yardstick of the ">= 100x" target: for each
/// question, expand the principal's groups by rescanning every group until nothing changes, walk the
/// management-group chain, then scan every deny assignment and every role assignment, matching each
/// pattern with a regex built on the spot. Role definitions are looked up in a dictionary (even a
/// script does that). It answers Allowed / Denied / NotGranted only.
/// </summary>
public sealed class NaiveEvaluator
{
    private readonly Tenant _tenant;
    private readonly Dictionary<string, RoleDefinition> _roles;

    public NaiveEvaluator(Tenant tenant, IEnumerable<RoleDefinition> builtInRoles)
    {
        _tenant = tenant;
        _roles = builtInRoles.Concat(tenant.RoleDefinitions)
            .GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    }

    public Outcome Decide(string principalId, string action, string scope)
    {
        var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { principalId };
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var group in _tenant.Groups)
            {
                if (!closure.Contains(group.Id) && group.Members.Any(closure.Contains))
                {
                    changed |= closure.Add(group.Id);
                }
            }
        }

        var above = new List<string>();
        var subscription = Regex.Match(scope, "^/subscriptions/([^/]+)", RegexOptions.IgnoreCase);
        var holder = _tenant.ManagementGroups.FirstOrDefault(g => subscription.Success && g.Subscriptions.Contains(subscription.Groups[1].Value, StringComparer.OrdinalIgnoreCase));
        while (holder is not null)
        {
            above.Add("/providers/Microsoft.Management/managementGroups/" + holder.Id);
            holder = _tenant.ManagementGroups.FirstOrDefault(g => string.Equals(g.Id, holder.Parent, StringComparison.OrdinalIgnoreCase));
        }
        bool Reaches(string assignmentScope) =>
            assignmentScope == "/"
            || string.Equals(assignmentScope, scope, StringComparison.OrdinalIgnoreCase)
            || scope.StartsWith(assignmentScope + "/", StringComparison.OrdinalIgnoreCase)
            || above.Contains(assignmentScope, StringComparer.OrdinalIgnoreCase);

        foreach (var deny in _tenant.DenyAssignments)
        {
            var applies = deny.DoNotApplyToChildScopes ? string.Equals(deny.Scope, scope, StringComparison.OrdinalIgnoreCase) : Reaches(deny.Scope);
            var everyone = deny.Principals.Any(p => p.Replace("-", "").Trim('0').Length == 0);
            if (applies && (everyone || deny.Principals.Any(closure.Contains)) && !deny.ExcludePrincipals.Any(closure.Contains)
                && deny.Permissions.Any(p => Grants(p.Actions, p.NotActions, action)))
            {
                return Outcome.Denied;
            }
        }
        foreach (var assignment in _tenant.RoleAssignments)
        {
            if (assignment.IsEligible || assignment.Condition is not null || !closure.Contains(assignment.PrincipalId) || !Reaches(assignment.Scope)
                || !_roles.TryGetValue(assignment.RoleDefinitionId, out var role))
            {
                continue;
            }
            if (role.Permissions.Any(p => Grants(p.Actions, p.NotActions, action)))
            {
                return Outcome.Allowed;
            }
        }
        return Outcome.NotGranted;
    }

    private static bool Grants(IReadOnlyList<string> actions, IReadOnlyList<string> notActions, string action) =>
        actions.Any(p => Glob(p).IsMatch(action)) && !notActions.Any(p => Glob(p).IsMatch(action));

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("/\\*/", "/(.*/)?").Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase);
}
