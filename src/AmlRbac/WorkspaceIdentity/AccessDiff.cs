using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// What an identity loses and gains at its resource group when its role assignments change: the shared
/// evaluator decides every catalog operation for the identity with the assignments before and after, and
/// the operations whose Allowed changed are the diff. No matching of its own.
/// </summary>
internal static class AccessDiff
{
    public static (IReadOnlyList<string> Lost, IReadOnlyList<string> Gained) Of(
        AmlCatalog catalog, string principalId, string resourceGroup,
        IReadOnlyList<IdentityAssignment> before, IReadOnlyList<IdentityAssignment> after)
    {
        var allowedBefore = Allowed(catalog, principalId, resourceGroup, before);
        var allowedAfter = Allowed(catalog, principalId, resourceGroup, after);
        return (Ordered(allowedBefore.Except(allowedAfter, StringComparer.OrdinalIgnoreCase)),
                Ordered(allowedAfter.Except(allowedBefore, StringComparer.OrdinalIgnoreCase)));
    }

    private static HashSet<string> Allowed(AmlCatalog catalog, string principalId, string resourceGroup, IReadOnlyList<IdentityAssignment> assignments)
    {
        var tenant = new Tenant
        {
            RoleAssignments = assignments.Select(a => new RoleAssignment
            {
                Id = a.Id,
                RoleDefinitionId = a.RoleDefinitionId,
                PrincipalId = principalId,
                PrincipalType = PrincipalType.ServicePrincipal,
                Scope = a.Scope,
            }).ToList(),
            Source = "the workspace identity's role assignments",
        };
        var evaluator = new AccessEvaluator(tenant, catalog);
        return catalog.Operations
            .Where(o => evaluator.Decide(principalId, o.Name, resourceGroup, o.IsDataAction) == Outcome.Allowed)
            .Select(o => o.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<string> Ordered(IEnumerable<string> operations) =>
        operations.OrderBy(o => o, StringComparer.OrdinalIgnoreCase).ToList();
}
