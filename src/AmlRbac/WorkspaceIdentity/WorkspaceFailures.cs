using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// The per-workspace failures of the conversion: what is wrong with a workspace's identity, and the
/// live source's Arm* failures turned into Workspace* ids that name the workspace and the permission
/// the call needed. A refused token is not a workspace's failure: it is thrown as it is.
/// </summary>
internal static class WorkspaceFailures
{
    /// <summary>Why the workspace has no identity to convert (none, or only user-assigned ones); null when it has a system-assigned one.</summary>
    public static AmlRbacException? IdentityProblem(WorkspaceState state, WorkspaceId workspace)
    {
        var types = (state.IdentityType ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var systemAssigned = types.Contains("SystemAssigned", StringComparer.OrdinalIgnoreCase);
        if (!systemAssigned && types.Contains("UserAssigned", StringComparer.OrdinalIgnoreCase))
        {
            return new AmlRbacException(ErrorIds.WorkspaceUserAssignedIdentityOnly, FailureCategory.InvalidData,
                $"{workspace.Id} has only user-assigned identities; their roles are given by whoever created them, not by Azure Machine Learning, " +
                "so there is no system-assigned identity to convert.", workspace.Id);
        }
        if (!systemAssigned || string.IsNullOrWhiteSpace(state.PrincipalId))
        {
            return new AmlRbacException(ErrorIds.WorkspaceNoSystemIdentity, FailureCategory.InvalidData,
                $"{workspace.Id} has no system-assigned managed identity (identity type '{state.IdentityType ?? "none"}'), so there is no identity to convert.",
                workspace.Id);
        }
        return null;
    }

    /// <summary>The per-workspace failure for an ARM failure; a refused token is thrown as is.</summary>
    public static AmlRbacException Translate(AmlRbacException e, WorkspaceId workspace, string doing, string needs, bool notFound = false)
    {
        var (id, category, text) = e.ErrorId switch
        {
            ErrorIds.ArmUnauthorized => throw e,
            ErrorIds.ArmForbidden => (ErrorIds.WorkspaceForbidden, FailureCategory.PermissionDenied,
                $"{workspace.Id}: the signed-in identity may not {doing}; it needs {needs}."),
            ErrorIds.ArmThrottled => (ErrorIds.WorkspaceThrottled, FailureCategory.LimitsExceeded,
                $"{workspace.Id}: Azure kept throttling while trying to {doing}; nothing further was written. Run again later."),
            ErrorIds.ArmRequestFailed when notFound && e.Category == FailureCategory.ObjectNotFound => (ErrorIds.WorkspaceNotFound, FailureCategory.ObjectNotFound,
                $"{workspace.Id}: no such workspace (check the subscription, resource group and name)."),
            _ => (ErrorIds.WorkspaceRequestFailed, e.Category, $"{workspace.Id}: could not {doing}."),
        };
        return new AmlRbacException(id, category, $"{text} {e.Message}", workspace.Id, e);
    }
}
