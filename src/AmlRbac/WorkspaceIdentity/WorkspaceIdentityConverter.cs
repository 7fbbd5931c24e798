using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// Moves one workspace's system-assigned identity to Azure AI Administrator on its resource group, or
/// back to Contributor (the rollback), safely:
/// <list type="bullet">
/// <item>Plan from reads alone (the workspace, the identity's assignments); a plan with nothing to write
/// is AlreadyConverted and nothing is written (idempotent).</item>
/// <item>Azure AI Administrator: PATCH allowRoleAssignmentOnRG = true so that Azure itself grants the role
/// ([MLROLES] "convert workspaces created before 11/19/2024"; property name and api-version from
/// workspaceRP.json 2025-01-01-preview, [SPEC-WS]); then poll the assignments until the grant shows,
/// within <see cref="ConversionOptions.Timeout"/>; only then, with RemoveLegacyContributor, DELETE the
/// Contributor assignment on the resource group.</item>
/// <item>Contributor: PUT a new Contributor assignment on the resource group, then poll until it shows.</item>
/// <item>A failed write stops the workspace at once: nothing after it is written, and what was written
/// before it (the PATCH, the confirmed grant) leaves the identity with at least its old access.</item>
/// </list>
/// Failures are per workspace (a Failed record with a Workspace* ErrorId), except a refused token, which
/// would fail every workspace alike and so is thrown.
/// </summary>
public sealed class WorkspaceIdentityConverter
{
    private readonly IWorkspaceArm _arm;
    private readonly ConversionOptions _options;
    private readonly WorkspaceRoles _roles;
    private readonly CallerPermissions _callerPermissions;

    public WorkspaceIdentityConverter(IWorkspaceArm arm, ConversionOptions options, AmlCatalog? catalog = null)
    {
        _arm = arm ?? throw new ArgumentNullException(nameof(arm));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _roles = new WorkspaceRoles(catalog ?? AmlCatalog.Default);
        _callerPermissions = new CallerPermissions(arm, _roles.Catalog);
    }

    /// <summary>Plans and, unless <paramref name="apply"/> says no, applies: what the CLI and tests call.</summary>
    public async Task<WorkspaceConversion> ConvertAsync(WorkspaceId workspace, Func<ConversionPlan, bool> apply, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(workspace, cancellationToken).ConfigureAwait(false);
        return plan.HasWrites && apply(plan) ? await ApplyAsync(plan, cancellationToken).ConfigureAwait(false) : plan.Record;
    }

    /// <summary>Reads the workspace and its identity's assignments and decides what to write. Writes nothing.</summary>
    public async Task<ConversionPlan> PlanAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var record = new WorkspaceConversion { WorkspaceId = workspace.Id, Role = _options.Role, Status = ConversionStatus.Planned };

        WorkspaceState state;
        try
        {
            state = await _arm.GetWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        catch (AmlRbacException e)
        {
            return Unplanned(workspace, Failed(record, WorkspaceFailures.Translate(e, workspace, "read the workspace", "Microsoft.MachineLearningServices/workspaces/read", notFound: true)));
        }
        record = record with { CreatedAt = state.CreatedAt };
        if (WorkspaceFailures.IdentityProblem(state, workspace) is { } problem)
        {
            return Unplanned(workspace, Failed(record, problem));
        }
        var principalId = ObjectIds.NormalizePrincipal(state.PrincipalId!);
        record = record with { PrincipalId = principalId };

        IReadOnlyList<IdentityAssignment> before;
        try
        {
            before = await _arm.ListAssignmentsAsync(workspace, principalId, cancellationToken).ConfigureAwait(false);
        }
        catch (AmlRbacException e)
        {
            return Unplanned(workspace, Failed(record, WorkspaceFailures.Translate(e, workspace, "read the identity's role assignments", "Microsoft.Authorization/roleAssignments/read")));
        }

        var writes = _options.Role == WorkspaceRole.AzureAIAdministrator
            ? PlanAdministrator(state, workspace, before)
            : PlanContributor(workspace, before);
        writes = writes with { PrincipalId = principalId, Before = before };
        var after = Expected(workspace, before, writes);
        var steps = Steps(workspace, writes);
        var (lost, gained) = AccessDiff.Of(_roles.Catalog, principalId, workspace.ResourceGroup, before, after);
        record = record with
        {
            BeforeRoles = RolesAt(workspace, before),
            AfterRoles = RolesAt(workspace, after),
            LostOperations = lost,
            GainedOperations = gained,
            Steps = steps,
            Status = steps.Count == 0 && writes.AwaitRoleId is null ? ConversionStatus.AlreadyConverted : ConversionStatus.Planned,
        };
        if (record.Status == ConversionStatus.Planned && steps.Count == 0)
        {
            // allowRoleAssignmentOnRG is set but Azure's grant has not shown yet: nothing to write, only to wait for.
            record = record with { Steps = new[] { $"wait for Azure to grant Azure AI Administrator to {principalId} on {workspace.ResourceGroup}" } };
        }
        if (steps.Count > 0 && await _callerPermissions.MissingAsync(workspace, writes, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return Unplanned(workspace, Failed(record, missing));
        }
        return new ConversionPlan(workspace, record, writes);
    }

    /// <summary>Carries out a plan's writes in order, stopping at the first failure.</summary>
    public async Task<WorkspaceConversion> ApplyAsync(ConversionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.HasWrites)
        {
            return plan.Record;
        }
        var workspace = plan.Workspace;
        var writes = plan.Writes;
        var record = plan.Record;
        var principalId = writes.PrincipalId!;

        if (writes.SetProperty)
        {
            try
            {
                await _arm.AllowRoleAssignmentOnResourceGroupAsync(workspace, cancellationToken).ConfigureAwait(false);
            }
            catch (AmlRbacException e)
            {
                return Failed(record, WorkspaceFailures.Translate(e, workspace, "update the workspace", "Microsoft.MachineLearningServices/workspaces/write"));
            }
        }
        if (writes.CreateContributor)
        {
            try
            {
                await _arm.CreateAssignmentAsync(workspace, principalId, _roles.Contributor.Id, cancellationToken).ConfigureAwait(false);
            }
            catch (AmlRbacException e)
            {
                return Failed(record, WorkspaceFailures.Translate(e, workspace, "create the Contributor role assignment", "Microsoft.Authorization/roleAssignments/write"));
            }
        }

        var current = writes.Before;
        if (writes.AwaitRoleId is { } awaited)
        {
            var roleName = _roles.NameOf(awaited);
            if (_options.NoWait)
            {
                var kept = writes.ContributorToRemove.Count > 0
                    ? " Contributor was kept: it is removed only once Azure AI Administrator is confirmed, so run again without -NoWait."
                    : string.Empty;
                return record with
                {
                    Status = ConversionStatus.Pending,
                    Reason = $"The change was sent; Azure's {roleName} assignment was not waited for (NoWait).{kept}",
                };
            }
            try
            {
                var confirmed = await WaitForAsync(workspace, principalId, awaited, cancellationToken).ConfigureAwait(false);
                if (confirmed is null)
                {
                    var kept = writes.ContributorToRemove.Count > 0 ? " Contributor was not removed." : string.Empty;
                    return Failed(record, new AmlRbacException(ErrorIds.WorkspaceVerifyTimeout, FailureCategory.OperationTimeout,
                        $"{workspace.Id}: the change was made, but {roleName} did not show among the identity {principalId}'s role assignments on " +
                        $"{workspace.ResourceGroup} within {_options.Timeout.TotalSeconds:0} s.{kept} Run again later (it continues where it stopped) or allow a longer TimeoutSeconds.",
                        workspace.Id));
                }
                current = confirmed;
            }
            catch (AmlRbacException e)
            {
                return Failed(record, WorkspaceFailures.Translate(e, workspace, "read the identity's role assignments", "Microsoft.Authorization/roleAssignments/read"));
            }
        }

        // Only here, with Azure AI Administrator confirmed on the resource group, is Contributor removed.
        var removed = new List<IdentityAssignment>();
        foreach (var assignment in writes.ContributorToRemove)
        {
            try
            {
                await _arm.DeleteAssignmentAsync(assignment.Id, cancellationToken).ConfigureAwait(false);
                removed.Add(assignment);
            }
            catch (AmlRbacException e)
            {
                var partial = current.Except(removed).ToList();
                return Failed(record with { AfterRoles = RolesAt(workspace, partial) },
                    WorkspaceFailures.Translate(e, workspace, "delete the identity's Contributor role assignment (Azure AI Administrator is in place; Contributor was kept)",
                        "Microsoft.Authorization/roleAssignments/delete"));
            }
        }
        var after = current.Except(removed).ToList();
        var (lost, gained) = AccessDiff.Of(_roles.Catalog, principalId, workspace.ResourceGroup, writes.Before, after);
        return record with
        {
            AfterRoles = RolesAt(workspace, after),
            LostOperations = lost,
            GainedOperations = gained,
            Status = ConversionStatus.Converted,
        };
    }

    private PlannedWrites PlanAdministrator(WorkspaceState state, WorkspaceId workspace, IReadOnlyList<IdentityAssignment> before)
    {
        var hasAdministrator = HoldsAt(workspace, before, _roles.AzureAIAdministrator.Id);
        return new PlannedWrites
        {
            // An identity that holds Azure AI Administrator already (a workspace created after 2024-11-19)
            // needs no PATCH, whatever the property says: it is converted.
            SetProperty = state.AllowRoleAssignmentOnResourceGroup != true && !hasAdministrator,
            AwaitRoleId = hasAdministrator ? null : _roles.AzureAIAdministrator.Id,
            ContributorToRemove = _options.RemoveLegacyContributor ? AtGroup(workspace, before, _roles.Contributor.Id) : Array.Empty<IdentityAssignment>(),
        };
    }

    private PlannedWrites PlanContributor(WorkspaceId workspace, IReadOnlyList<IdentityAssignment> before)
    {
        var hasContributor = HoldsAt(workspace, before, _roles.Contributor.Id);
        return new PlannedWrites
        {
            CreateContributor = !hasContributor,
            AwaitRoleId = hasContributor ? null : _roles.Contributor.Id,
        };
    }

    // The assignments the plan leads to: the awaited role added on the resource group, Contributor removed.
    private static IReadOnlyList<IdentityAssignment> Expected(WorkspaceId workspace, IReadOnlyList<IdentityAssignment> before, PlannedWrites writes)
    {
        var after = before.Except(writes.ContributorToRemove).ToList();
        if (writes.AwaitRoleId is { } role)
        {
            after.Add(new IdentityAssignment("(planned)", role, workspace.ResourceGroup));
        }
        return after;
    }

    private IReadOnlyList<string> Steps(WorkspaceId workspace, PlannedWrites writes)
    {
        var steps = new List<string>();
        if (writes.SetProperty)
        {
            steps.Add($"PATCH {workspace.Id} properties.allowRoleAssignmentOnRG = true (Azure then grants Azure AI Administrator on {workspace.ResourceGroup})");
        }
        if (writes.CreateContributor)
        {
            steps.Add($"PUT a Contributor role assignment for the identity on {workspace.ResourceGroup}");
        }
        foreach (var assignment in writes.ContributorToRemove)
        {
            steps.Add($"DELETE the identity's Contributor role assignment {assignment.Id} once Azure AI Administrator is confirmed");
        }
        return steps;
    }

    // Polls until the role shows on the resource group; null when the timeout passes first.
    private async Task<IReadOnlyList<IdentityAssignment>?> WaitForAsync(WorkspaceId workspace, string principalId, string roleId, CancellationToken cancellationToken)
    {
        var started = _options.Clock.GetTimestamp();
        while (true)
        {
            var current = await _arm.ListAssignmentsAsync(workspace, principalId, cancellationToken).ConfigureAwait(false);
            if (HoldsAt(workspace, current, roleId))
            {
                return current;
            }
            var left = _options.Timeout - _options.Clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            await _options.Delay(left < _options.PollInterval ? left : _options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ConversionPlan Unplanned(WorkspaceId workspace, WorkspaceConversion record) => new(workspace, record, PlannedWrites.None);

    private static WorkspaceConversion Failed(WorkspaceConversion record, AmlRbacException error) =>
        record with { Status = ConversionStatus.Failed, Reason = error.Message, ErrorId = error.ErrorId, Error = error };

    private static bool HoldsAt(WorkspaceId workspace, IEnumerable<IdentityAssignment> assignments, string roleId) =>
        AtGroup(workspace, assignments, roleId).Count > 0;

    private static IReadOnlyList<IdentityAssignment> AtGroup(WorkspaceId workspace, IEnumerable<IdentityAssignment> assignments, string roleId) =>
        assignments.Where(a => string.Equals(a.Scope, workspace.ResourceGroup, StringComparison.OrdinalIgnoreCase)
                && string.Equals(ObjectIds.NormalizeRoleDefinition(a.RoleDefinitionId), roleId, StringComparison.OrdinalIgnoreCase))
            .ToList();

    private IReadOnlyList<string> RolesAt(WorkspaceId workspace, IEnumerable<IdentityAssignment> assignments) =>
        assignments.Where(a => string.Equals(a.Scope, workspace.ResourceGroup, StringComparison.OrdinalIgnoreCase))
            .Select(a => _roles.NameOf(a.RoleDefinitionId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
