using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>The check, before the first write, that the caller may make every write of a plan.</summary>
internal sealed class CallerPermissions
{
    private readonly IWorkspaceArm _arm;
    private readonly AccessEvaluator _roleAlone;

    public CallerPermissions(IWorkspaceArm arm, AmlCatalog catalog)
    {
        _arm = arm;
        _roleAlone = new AccessEvaluator(Tenant.Empty, catalog);
    }

    /// <summary>
    /// Checks before the first write that the caller may make every write of the plan, so that a caller
    /// who may PATCH the workspace but not delete role assignments is stopped before the PATCH rather than
    /// after it (all or nothing). Each action is checked where its write lands: workspaces/write at the
    /// workspace (whose permissions include an assignment on the workspace itself, which the resource
    /// group's do not), role assignment writes and deletes at the resource group. The caller's permission
    /// blocks are asked of ARM and decided by the evaluator, as a role alone. ARM remains the judge: a deny
    /// assignment can still refuse a write, and a scope whose permissions the caller may not read is left to it.
    /// </summary>
    public async Task<AmlRbacException?> MissingAsync(WorkspaceId workspace, PlannedWrites writes, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var (scope, actions) in RequiredActions(workspace, writes).GroupBy(r => r.Scope, r => r.Action).Select(g => (g.Key, g.ToList())))
        {
            IReadOnlyList<Permission>? blocks;
            try
            {
                blocks = await _arm.GetCallerPermissionsAsync(scope, cancellationToken).ConfigureAwait(false);
            }
            catch (AmlRbacException e)
            {
                return WorkspaceFailures.Translate(e, workspace, "read the caller's permissions", "Microsoft.Authorization/permissions/read");
            }
            if (blocks is null)
            {
                continue;
            }
            var caller = new RoleDefinition { Id = "caller", Name = $"the caller's permissions at {scope}", IsCustom = true, Permissions = blocks };
            missing.AddRange(actions.Where(action => _roleAlone.CheckRole(caller, action).Outcome != Outcome.Allowed).Select(action => $"{action} on {scope}"));
        }
        return missing.Count == 0
            ? null
            : new AmlRbacException(ErrorIds.WorkspaceForbidden, FailureCategory.PermissionDenied,
                $"{workspace.Id}: the signed-in identity lacks {string.Join(" and ", missing)}; nothing was written.",
                workspace.Id);
    }

    private static IEnumerable<(string Scope, string Action)> RequiredActions(WorkspaceId workspace, PlannedWrites writes)
    {
        if (writes.SetProperty)
        {
            yield return (workspace.Id, "Microsoft.MachineLearningServices/workspaces/write");
        }
        if (writes.CreateContributor)
        {
            yield return (workspace.ResourceGroup, "Microsoft.Authorization/roleAssignments/write");
        }
        if (writes.ContributorToRemove.Count > 0)
        {
            yield return (workspace.ResourceGroup, "Microsoft.Authorization/roleAssignments/delete");
        }
    }
}
