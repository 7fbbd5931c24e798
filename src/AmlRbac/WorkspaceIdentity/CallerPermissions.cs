using AmlRbac.Catalog;
using AmlRbac.Evaluation;
using AmlRbac.Model;

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
    /// after it (all or nothing). The caller's permission blocks are asked of ARM and decided by the
    /// evaluator, as a role alone. ARM remains the judge: a deny assignment can still refuse a write.
    /// </summary>
    public async Task<AmlRbacException?> MissingAsync(WorkspaceReference workspace, PlannedWrites writes, CancellationToken cancellationToken)
    {
        IReadOnlyList<Permission>? blocks;
        try
        {
            blocks = await _arm.GetCallerPermissionsAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        catch (AmlRbacException e)
        {
            return WorkspaceFailures.Translate(e, workspace, "read the caller's permissions", "Microsoft.Authorization/permissions/read");
        }
        if (blocks is null)
        {
            return null;
        }
        var caller = new RoleDefinition { Id = "caller", Name = $"the caller's permissions at {workspace.ResourceGroup}", IsCustom = true, Permissions = blocks };
        var missing = RequiredActions(writes).Where(action => _roleAlone.CheckRole(caller, action).Outcome != Outcome.Allowed).ToList();
        return missing.Count == 0
            ? null
            : new AmlRbacException(ErrorIds.WorkspaceForbidden, FailureCategory.PermissionDenied,
                $"{workspace.Id}: the signed-in identity lacks {string.Join(" and ", missing)} on {workspace.ResourceGroup}; nothing was written.",
                workspace.Id);
    }

    private static IEnumerable<string> RequiredActions(PlannedWrites writes)
    {
        if (writes.SetProperty)
        {
            yield return "Microsoft.MachineLearningServices/workspaces/write";
        }
        if (writes.CreateContributor)
        {
            yield return "Microsoft.Authorization/roleAssignments/write";
        }
        if (writes.ContributorToRemove.Count > 0)
        {
            yield return "Microsoft.Authorization/roleAssignments/delete";
        }
    }
}
