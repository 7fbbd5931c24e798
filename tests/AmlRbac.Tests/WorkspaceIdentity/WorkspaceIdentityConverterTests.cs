using Xunit;
using static AmlRbac.Tests.WorkspaceIdentity.FakeWorkspaceArm;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Sources.Live;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.WorkspaceIdentity;

/// <summary>The conversion's decisions and their order of writes, against an in-memory ARM.</summary>
public sealed class WorkspaceIdentityConverterTests
{
    private const string Identity = "11111111-2222-3333-4444-555555555555";

    private readonly FakeWorkspaceArm _arm = new();
    private readonly ManualClock _clock = new();

    private WorkspaceIdentityConverter Converter(WorkspaceRole role = WorkspaceRole.AzureAIAdministrator, bool remove = false, bool noWait = false, int timeoutSeconds = 60) =>
        new(_arm, new ConversionOptions
        {
            Role = role,
            RemoveLegacyContributor = remove,
            NoWait = noWait,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            PollInterval = TimeSpan.FromSeconds(10),
            Delay = _clock.Delay,
            Clock = _clock,
        });

    private static Task<WorkspaceConversion> Run(WorkspaceIdentityConverter converter, WorkspaceId workspace, bool apply = true) =>
        converter.ConvertAsync(workspace, _ => apply, CancellationToken.None);

    [Fact]
    public async Task A_pre_2024_workspace_is_patched_then_verified_and_keeps_Contributor_by_default()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.GrantAfterReads = 2;

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Equal(new[] { "PATCH " + workspace.Id }, _arm.Writes);
        Assert.Equal(new[] { "Contributor" }, result.BeforeRoles);
        Assert.Equal(new[] { "Azure AI Administrator", "Contributor" }, result.AfterRoles);
        Assert.Empty(result.LostOperations);
        Assert.Equal(Identity, result.PrincipalId);
        // Two reads without the grant, one with it: two waits of the poll interval.
        Assert.Equal(new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10) }, _clock.Waits);
    }

    [Fact]
    public async Task RemoveLegacyContributor_deletes_only_after_the_grant_shows_and_reports_what_is_lost()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.GrantAfterReads = 1;
        var contributorId = _arm.Assignments.Single().Id;

        var result = await Run(Converter(remove: true), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        var patch = _arm.Calls.IndexOf("PATCH " + workspace.Id);
        var delete = _arm.Calls.IndexOf("DELETE " + contributorId);
        Assert.True(patch >= 0 && delete > patch);
        // The read just before the DELETE is the one in which Azure AI Administrator showed.
        Assert.Equal("LIST " + workspace.ResourceGroup, _arm.Calls[delete - 1]);
        Assert.Equal(3, _arm.Calls.Skip(patch).Count(c => c.StartsWith("LIST", StringComparison.Ordinal)) + 1);
        Assert.Equal(new[] { "Azure AI Administrator" }, result.AfterRoles);
        Assert.DoesNotContain(_arm.Assignments, a => a.RoleDefinitionId == Contributor);
        // Contributor's "*" covers deleting the resource group; Azure AI Administrator grants only its read and write.
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.LostOperations, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Microsoft.MachineLearningServices/workspaces/computes/write", result.LostOperations, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(result.GainedOperations);
        // Every provider the catalog holds: Contributor's "*" also reaches Log Analytics and AKS, which the new role does not.
        Assert.Contains("Microsoft.OperationalInsights/workspaces/write", result.LostOperations, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(result.LostOperations, o => o.StartsWith("Microsoft.ContainerService/", StringComparison.OrdinalIgnoreCase));
        // Both roles sit at the resource group, so the diff is what `role compare Contributor --reference-role
        // "Azure AI Administrator"` reports lost.
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var comparison = RoleComparison.Compare(evaluator, evaluator.GetRole("Contributor"), evaluator.GetRole("Azure AI Administrator"));
        Assert.Equal(comparison.OnlyInRole, result.LostOperations);
    }

    [Fact]
    public async Task A_converted_workspace_is_reported_as_such_and_untouched()
    {
        var workspace = _arm.Add("new", Identity, allow: true, roles: Administrator);

        var result = await Run(Converter(remove: true), workspace);

        Assert.Equal(ConversionStatus.AlreadyConverted, result.Status);
        Assert.Empty(_arm.Writes);
        Assert.Empty(result.Steps);
        Assert.Equal(new[] { "Azure AI Administrator" }, result.BeforeRoles);
    }

    [Fact]
    public async Task An_identity_holding_Azure_AI_Administrator_needs_no_PATCH_whatever_the_property_says()
    {
        var workspace = _arm.Add("new", Identity, allow: null, roles: Administrator);

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.AlreadyConverted, result.Status);
        Assert.Empty(_arm.Writes);
    }

    [Fact]
    public async Task Running_twice_converts_once()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);

        var first = await Run(Converter(remove: true), workspace);
        var writes = _arm.Writes.Count();
        var second = await Run(Converter(remove: true), workspace);

        Assert.Equal(ConversionStatus.Converted, first.Status);
        Assert.Equal(ConversionStatus.AlreadyConverted, second.Status);
        Assert.Equal(writes, _arm.Writes.Count());
    }

    [Fact]
    public async Task WhatIf_plans_with_the_access_diff_and_writes_nothing()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);

        var result = await Run(Converter(remove: true), workspace, apply: false);

        Assert.Equal(ConversionStatus.Planned, result.Status);
        Assert.Empty(_arm.Writes);
        Assert.Equal(new[] { "Azure AI Administrator" }, result.AfterRoles);
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.LostOperations, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(2, result.Steps.Count);
        Assert.StartsWith("PATCH " + workspace.Id, result.Steps[0], StringComparison.Ordinal);
        Assert.StartsWith("DELETE", result.Steps[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("None", null, ErrorIds.WorkspaceNoSystemIdentity)]
    [InlineData(null, null, ErrorIds.WorkspaceNoSystemIdentity)]
    [InlineData("UserAssigned", null, ErrorIds.WorkspaceUserAssignedIdentityOnly)]
    public async Task A_workspace_without_a_system_assigned_identity_fails_with_its_own_id(string? type, string? principal, string errorId)
    {
        var workspace = _arm.Add("noid", principal, identityType: type!);

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(errorId, result.ErrorId);
        Assert.Equal(errorId, result.Error!.ErrorId);
        Assert.Contains(workspace.Id, result.Reason, StringComparison.Ordinal);
        Assert.Empty(_arm.Writes);
    }

    [Fact]
    public async Task System_and_user_assigned_together_converts_the_system_assigned_one()
    {
        var workspace = _arm.Add("both", Identity, identityType: "SystemAssigned,UserAssigned", roles: Contributor);

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
    }

    [Fact]
    public async Task A_403_on_the_PATCH_writes_nothing_else()
    {
        var workspace = _arm.Add("locked", Identity, roles: Contributor);
        _arm.Fail("PATCH", ErrorIds.ArmForbidden, FailureCategory.PermissionDenied);

        var result = await Run(Converter(remove: true), workspace);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/write", result.Reason, StringComparison.Ordinal);
        Assert.Equal(new[] { "PATCH " + workspace.Id }, _arm.Writes);
        Assert.Contains(_arm.Assignments, a => a.RoleDefinitionId == Contributor);
    }

    [Fact]
    public async Task A_caller_who_may_patch_but_not_delete_assignments_is_stopped_before_the_PATCH()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        // Contributor's own permissions: everything but Microsoft.Authorization writes and deletes.
        _arm.CallerPermissions = new[]
        {
            new Permission { Actions = new[] { "*" }, NotActions = new[] { "Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write" } },
        };

        var result = await Run(Converter(remove: true), workspace);

        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains("Microsoft.Authorization/roleAssignments/delete", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("workspaces/write", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_arm.Writes);
    }

    [Fact]
    public async Task The_same_caller_may_convert_without_removing_Contributor()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.CallerPermissions = new[]
        {
            new Permission { Actions = new[] { "*" }, NotActions = new[] { "Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write" } },
        };

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
    }

    [Fact]
    public async Task A_caller_who_may_not_read_its_permissions_is_left_to_ARM()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.CallerPermissions = null;

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
    }

    [Fact]
    public async Task A_grant_that_never_shows_times_out_within_the_bound_and_keeps_Contributor()
    {
        var workspace = _arm.Add("slow", Identity, roles: Contributor);
        _arm.GrantAfterReads = -1;

        var result = await Run(Converter(remove: true, timeoutSeconds: 35), workspace);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.WorkspaceVerifyTimeout, result.ErrorId);
        Assert.DoesNotContain(_arm.Calls, c => c.StartsWith("DELETE", StringComparison.Ordinal));
        // 10 + 10 + 10 + 5: the last wait is cut to the time left.
        Assert.Equal(TimeSpan.FromSeconds(35), _clock.Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Fact]
    public async Task NoWait_sends_the_PATCH_and_neither_waits_nor_removes_Contributor()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);

        var result = await Run(Converter(remove: true, noWait: true), workspace);

        Assert.Equal(ConversionStatus.Pending, result.Status);
        Assert.Equal(new[] { "PATCH " + workspace.Id }, _arm.Writes);
        Assert.Equal("PATCH " + workspace.Id, _arm.Calls[^1]);
        Assert.Contains("Contributor was kept", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_on_the_DELETE_leaves_both_roles_and_names_the_permission()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.Fail("DELETE", ErrorIds.ArmForbidden, FailureCategory.PermissionDenied);

        var result = await Run(Converter(remove: true), workspace);

        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains("Microsoft.Authorization/roleAssignments/delete", result.Reason, StringComparison.Ordinal);
        Assert.Equal(new[] { "Azure AI Administrator", "Contributor" }, result.AfterRoles);
    }

    [Fact]
    public async Task The_property_already_set_without_the_grant_waits_without_patching()
    {
        var workspace = _arm.Add("halfway", Identity, allow: true, roles: Contributor);
        // Set earlier (by the portal, or a run with -NoWait); Azure's grant shows one read later.
        _arm.GrantAfterReads = 1;
        await _arm.AllowRoleAssignmentOnResourceGroupAsync(workspace, CancellationToken.None);
        _arm.Calls.Clear();

        var result = await Run(Converter(), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Empty(_arm.Writes);
    }

    [Fact]
    public async Task Rollback_puts_a_Contributor_assignment_and_reports_the_gain()
    {
        var workspace = _arm.Add("broken", Identity, allow: true, roles: Administrator);

        var result = await Run(Converter(WorkspaceRole.Contributor), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Equal(new[] { $"PUT {workspace.ResourceGroup} {Contributor}" }, _arm.Writes);
        Assert.Equal(new[] { "Azure AI Administrator", "Contributor" }, result.AfterRoles);
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.GainedOperations, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(result.LostOperations);
    }

    [Fact]
    public async Task Rollback_of_an_identity_that_holds_Contributor_writes_nothing()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);

        var result = await Run(Converter(WorkspaceRole.Contributor), workspace);

        Assert.Equal(ConversionStatus.AlreadyConverted, result.Status);
        Assert.Empty(_arm.Writes);
    }

    [Fact]
    public void RemoveLegacyContributor_with_a_rollback_is_refused()
    {
        var error = Assert.Throws<AmlRbacException>(() => Converter(WorkspaceRole.Contributor, remove: true));
        Assert.Equal(ErrorIds.WorkspaceOptionsInvalid, error.ErrorId);
        // Both hosts print the message: it names neither -RemoveLegacyContributor nor --remove-legacy-contributor.
        Assert.DoesNotContain("RemoveLegacyContributor", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("remove-legacy-contributor", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("RemoveLegacyContributor", error.Target);
    }

    [Fact]
    public async Task A_missing_workspace_fails_as_not_found()
    {
        var result = await Run(Converter(), WorkspaceId.From("00000000-0000-0000-0000-000000000001", "rg-ml", "gone"));

        Assert.Equal(ErrorIds.WorkspaceNotFound, result.ErrorId);
    }

    [Fact]
    public async Task A_refused_token_stops_the_run_instead_of_failing_each_workspace()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        _arm.Fail("GET", ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError);

        var error = await Assert.ThrowsAsync<AmlRbacException>(() => Run(Converter(), workspace));
        Assert.Equal(ErrorIds.ArmUnauthorized, error.ErrorId);
    }

    [Fact]
    public async Task Throttling_past_the_retries_is_WorkspaceThrottled()
    {
        var workspace = _arm.Add("busy", Identity, roles: Contributor);
        _arm.Fail("LIST", ErrorIds.ArmThrottled, FailureCategory.LimitsExceeded);

        var result = await Run(Converter(), workspace);

        Assert.Equal(ErrorIds.WorkspaceThrottled, result.ErrorId);
        Assert.Equal(FailureCategory.LimitsExceeded, result.Error!.Category);
    }

    [Fact]
    public async Task The_summary_counts_each_status()
    {
        var summary = new ConversionSummary();
        _arm.Add("a", Identity, roles: Contributor);
        summary.Add(await Run(Converter(), _arm.Add("b", "22222222-2222-3333-4444-555555555555", roles: Contributor)));
        summary.Add(await Run(Converter(), _arm.Add("c", "33333333-2222-3333-4444-555555555555", allow: true, roles: Administrator)));
        summary.Add(await Run(Converter(), _arm.Add("d", null, identityType: "None")));

        Assert.Equal("3 workspaces: 1 converted, 1 already converted, 0 planned, 0 skipped, 0 pending, 1 failed.", summary.ToString());
    }

    [Fact]
    public async Task A_declined_confirmation_is_Skipped_not_confirmed_and_counted_as_skipped()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        var plan = await Converter(remove: true).PlanAsync(workspace, CancellationToken.None);

        var declined = plan.NotApplied(whatIf: false);
        var summary = new ConversionSummary();
        summary.Add(declined);

        Assert.Equal(ConversionStatus.Skipped, declined.Status);
        Assert.Equal("not confirmed", declined.Reason);
        Assert.Null(declined.ErrorId);
        Assert.Equal(plan.Record.LostOperations, declined.LostOperations);
        Assert.Empty(_arm.Writes);
        Assert.Equal("1 workspace: 0 converted, 0 already converted, 0 planned, 1 skipped, 0 pending, 0 failed.", summary.ToString());
    }

    [Fact]
    public async Task Under_WhatIf_a_plan_not_applied_stays_Planned()
    {
        var workspace = _arm.Add("old", Identity, roles: Contributor);
        var plan = await Converter().PlanAsync(workspace, CancellationToken.None);

        var result = plan.NotApplied(whatIf: true);

        Assert.Equal(ConversionStatus.Planned, result.Status);
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task A_workspace_with_nothing_to_write_is_not_Skipped_when_declined()
    {
        var workspace = _arm.Add("new", Identity, allow: true, roles: Administrator);
        var plan = await Converter().PlanAsync(workspace, CancellationToken.None);

        Assert.Equal(ConversionStatus.AlreadyConverted, plan.NotApplied(whatIf: false).Status);
    }
}
