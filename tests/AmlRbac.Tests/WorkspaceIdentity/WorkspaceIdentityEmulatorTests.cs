using System.Text.Json.Nodes;
using Xunit;
using static AmlRbac.Tests.WorkspaceIdentity.ConversionHarness;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.WorkspaceIdentity;

/// <summary>The conversion end to end: the engine over the live ARM client, against the ARM emulator.</summary>
public sealed class WorkspaceIdentityEmulatorTests
{
    private static readonly ConversionOptions Remove = new() { RemoveLegacyContributor = true, Timeout = TimeSpan.FromSeconds(60) };

    private static Task<WorkspaceConversion> Convert(WorkspaceIdentityConverter converter, WorkspaceId workspace, bool apply = true) =>
        converter.ConvertAsync(workspace, _ => apply, CancellationToken.None);

    [Fact]
    public async Task A_pre_2024_workspace_is_converted_with_the_exact_PATCH_path_and_body()
    {
        await using var harness = await StartAsync();
        var workspace = Workspace(0);

        var result = await Convert(harness.Converter(Remove), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        var patch = Assert.Single(harness.Writes, r => r.Method == "PATCH");
        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-00", patch.Path);
        Assert.Equal("?api-version=2025-01-01-preview", patch.Query);
        Assert.Equal("{\"properties\":{\"allowRoleAssignmentOnRG\":true}}", patch.Body);
        Assert.Equal(200, patch.Status);
        Assert.Equal(new[] { Administrator }, harness.RolesOf(Identity(0)));
        Assert.True(harness.Emulator.Store.Read(s => s.Workspaces[workspace.Id]["properties"]!["allowRoleAssignmentOnRG"]!.GetValue<bool>()));
        Assert.Equal(new[] { "Contributor" }, result.BeforeRoles);
        Assert.Equal(new[] { "Azure AI Administrator" }, result.AfterRoles);
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.LostOperations, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Identity(0), result.PrincipalId);
        Assert.All(harness.Emulator.Requests, r => Assert.True(r.Authorized));
    }

    [Fact]
    public async Task The_record_carries_the_creation_time_from_systemData()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Store.Write(s => s.Workspaces[Workspace(0).Id]["systemData"] = new JsonObject
        {
            ["createdBy"] = "admin@contoso.com",
            ["createdByType"] = "User",
            ["createdAt"] = "2023-05-02T09:30:00.0000000Z",
        });

        var result = await Convert(harness.Converter(Remove), Workspace(0), apply: false);

        Assert.Equal(new DateTimeOffset(2023, 5, 2, 9, 30, 0, TimeSpan.Zero), result.CreatedAt);
    }

    [Fact]
    public async Task An_already_converted_workspace_gets_no_write()
    {
        await using var harness = await StartAsync(shape: (_, w) => w with { AllowRoleAssignmentOnRG = true });
        WorkspaceWriteRoutesForTests.Grant(harness, Identity(0), Administrator);
        WorkspaceWriteRoutesForTests.Revoke(harness, Identity(0), Contributor);

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ConversionStatus.AlreadyConverted, result.Status);
        Assert.Empty(harness.Writes);
    }

    [Fact]
    public async Task A_workspace_without_identity_fails_without_a_write()
    {
        await using var harness = await StartAsync(shape: (_, w) => w with { PrincipalId = null });

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.WorkspaceNoSystemIdentity, result.ErrorId);
        Assert.Empty(harness.Writes);
    }

    [Fact]
    public async Task A_workspace_with_only_a_user_assigned_identity_fails_with_its_own_id()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Store.Write(s => s.Workspaces[Workspace(0).Id]["identity"] = new JsonObject
        {
            ["type"] = "UserAssigned",
            ["userAssignedIdentities"] = new JsonObject
            {
                ["/subscriptions/" + Subscription + "/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai"] =
                    new JsonObject { ["principalId"] = "99999999-aaaa-4bbb-8ccc-000000000001", ["clientId"] = "99999999-aaaa-4bbb-8ccc-000000000002" },
            },
        });

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ErrorIds.WorkspaceUserAssignedIdentityOnly, result.ErrorId);
        Assert.Empty(harness.Writes);
    }

    [Fact]
    public async Task A_403_on_the_PATCH_writes_nothing_else()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Add(Fault.Forbidden("/workspaces/ws-00") with { Method = "PATCH" });

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains("AuthorizationFailed", result.Reason, StringComparison.Ordinal);
        var write = Assert.Single(harness.Writes);
        Assert.Equal(("PATCH", 403), (write.Method, write.Status));
        Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(0)));
        Assert.Empty(harness.Emulator.WorkspaceWrites.Patches);
    }

    [Fact]
    public async Task A_caller_without_roleAssignments_delete_gets_WorkspaceForbidden_before_any_write()
    {
        await using var harness = await StartAsync();
        harness.Emulator.WorkspaceWrites.CallerPermissions = new[]
        {
            (new[] { "*" }, new[] { "Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write" }),
        };

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains("Microsoft.Authorization/roleAssignments/delete", result.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Writes);
        Assert.Contains(harness.Emulator.Requests, r => r.Path == ResourceGroup + "/providers/Microsoft.Authorization/permissions" && r.Status == 200);
    }

    [Fact]
    public async Task Workspace_write_granted_on_the_workspace_itself_lets_the_conversion_proceed()
    {
        await using var harness = await StartAsync();
        var workspace = Workspace(0);
        // Reader at the resource group and above; workspaces/write only from an assignment on the workspace.
        harness.Emulator.WorkspaceWrites.CallerPermissions = new[] { (new[] { "*/read" }, Array.Empty<string>()) };
        harness.Emulator.WorkspaceWrites.CallerPermissionsAt[workspace.Id] = new[] { (new[] { "Microsoft.MachineLearningServices/workspaces/write" }, Array.Empty<string>()) };

        var result = await Convert(harness.Converter(new ConversionOptions { Timeout = TimeSpan.FromSeconds(60) }), workspace);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Single(harness.Emulator.WorkspaceWrites.Patches);
        Assert.Contains(harness.Emulator.Requests, r => r.Path == workspace.Id + "/providers/Microsoft.Authorization/permissions" && r.Status == 200);
    }

    [Fact]
    public async Task A_caller_with_only_read_at_the_workspace_and_its_group_is_refused_before_any_write()
    {
        await using var harness = await StartAsync();
        var workspace = Workspace(0);
        harness.Emulator.WorkspaceWrites.CallerPermissions = new[] { (new[] { "*/read" }, Array.Empty<string>()) };
        harness.Emulator.WorkspaceWrites.CallerPermissionsAt[workspace.Id] = new[] { (new[] { "*/read" }, Array.Empty<string>()) };

        var result = await Convert(harness.Converter(Remove), workspace);

        Assert.Equal(ErrorIds.WorkspaceForbidden, result.ErrorId);
        Assert.Contains($"Microsoft.MachineLearningServices/workspaces/write on {workspace.Id}", result.Reason, StringComparison.Ordinal);
        Assert.Contains($"Microsoft.Authorization/roleAssignments/delete on {ResourceGroup}", result.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Writes);
        Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(0)));
    }

    [Fact]
    public async Task Throttling_while_verifying_is_waited_out_and_the_conversion_completes()
    {
        await using var harness = await StartAsync();
        harness.Emulator.WorkspaceWrites.Grant = GrantTiming.Held;
        var polls = 0;
        var converter = harness.Converter(Remove, async (wait, token) =>
        {
            // While the converter waits for the grant, Azure grants it and ARM starts throttling reads.
            if (++polls == 1)
            {
                harness.Emulator.Faults.Add(Fault.Throttle("/roleAssignments", TimeSpan.FromSeconds(7), times: 2) with { Method = "GET" });
                harness.Emulator.WorkspaceWrites.ReleaseGrants();
            }
            await harness.Clock.Delay(wait, token);
        });

        var result = await Convert(converter, Workspace(0));

        Assert.Equal(ConversionStatus.Converted, result.Status);
        var requests = harness.Emulator.Requests;
        var patch = requests.ToList().FindIndex(r => r.Method == "PATCH");
        Assert.Equal(2, requests.Skip(patch).Count(r => r.Status == 429 && r.Path.EndsWith("/roleAssignments", StringComparison.Ordinal)));
        Assert.Equal(2, harness.Clock.Waits.Count(w => w == TimeSpan.FromSeconds(7)));
        Assert.Equal(new[] { Administrator }, harness.RolesOf(Identity(0)));
    }

    [Fact]
    public async Task WhatIf_makes_zero_write_requests_and_reports_the_diff()
    {
        await using var harness = await StartAsync(3);

        var results = new List<WorkspaceConversion>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await Convert(harness.Converter(Remove), Workspace(i), apply: false));
        }

        Assert.NotEmpty(harness.Emulator.Requests);
        Assert.All(harness.Emulator.Requests, r => Assert.Equal("GET", r.Method));
        Assert.All(results, r => Assert.Equal(ConversionStatus.Planned, r.Status));
        Assert.All(results, r => Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", r.LostOperations, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(1)));
    }

    [Fact]
    public async Task RemoveLegacyContributor_deletes_only_after_Azure_AI_Administrator_is_confirmed()
    {
        await using var harness = await StartAsync();
        harness.Emulator.WorkspaceWrites.Grant = GrantTiming.Held;
        var polls = 0;
        var converter = harness.Converter(Remove, async (wait, token) =>
        {
            if (++polls == 3)
            {
                harness.Emulator.WorkspaceWrites.ReleaseGrants();
            }
            await harness.Clock.Delay(wait, token);
        });

        var result = await Convert(converter, Workspace(0));

        Assert.Equal(ConversionStatus.Converted, result.Status);
        var requests = harness.Emulator.Requests.ToList();
        var patch = requests.FindIndex(r => r.Method == "PATCH");
        var delete = requests.FindIndex(r => r.Method == "DELETE");
        Assert.True(patch >= 0 && delete > patch);
        var reads = requests.Skip(patch + 1).Take(delete - patch - 1).Where(r => r.Path.EndsWith("/roleAssignments", StringComparison.Ordinal)).ToList();
        // Three reads without the grant, then the one that showed it; only then the DELETE.
        Assert.Equal(4, reads.Count);
        Assert.All(reads.Take(3), r => Assert.DoesNotContain(Administrator, r.ResponseBody!, StringComparison.Ordinal));
        Assert.Contains(Administrator, reads[^1].ResponseBody!, StringComparison.Ordinal);
        Assert.Equal(200, requests[delete].Status);
        Assert.Equal(new[] { Administrator }, harness.RolesOf(Identity(0)));
    }

    [Fact]
    public async Task NoWait_sends_the_PATCH_and_leaves_Contributor_for_a_later_run()
    {
        await using var harness = await StartAsync();
        harness.Emulator.WorkspaceWrites.Grant = GrantTiming.Held;

        var pending = await Convert(harness.Converter(Remove with { NoWait = true }), Workspace(0));
        harness.Emulator.WorkspaceWrites.ReleaseGrants();
        var finished = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.Equal(ConversionStatus.Pending, pending.Status);
        Assert.Equal(ConversionStatus.Converted, finished.Status);
        Assert.Equal(new[] { "PATCH", "DELETE" }, harness.Writes.Select(r => r.Method));
        Assert.Equal(new[] { Administrator }, harness.RolesOf(Identity(0)));
    }

    [Fact]
    public async Task A_grant_that_never_comes_times_out_and_Contributor_stays()
    {
        await using var harness = await StartAsync();
        harness.Emulator.WorkspaceWrites.Grant = GrantTiming.Never;

        var result = await Convert(harness.Converter(Remove with { Timeout = TimeSpan.FromSeconds(30) }), Workspace(0));

        Assert.Equal(ErrorIds.WorkspaceVerifyTimeout, result.ErrorId);
        Assert.DoesNotContain(harness.Writes, r => r.Method == "DELETE");
        Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(0)));
    }

    [Fact]
    public async Task A_pipeline_of_50_workspaces_with_3_failing_completes_the_other_47()
    {
        await using var harness = await StartAsync(50, (i, w) => i == 7 ? w with { PrincipalId = null } : w);
        harness.Emulator.Faults.Add(Fault.Forbidden("/workspaces/ws-20") with { Method = "PATCH" });
        harness.Emulator.Store.Write(s => s.Workspaces.Remove(Workspace(33).Id));
        var converter = harness.Converter(Remove);

        var summary = new ConversionSummary();
        var failed = new Dictionary<string, string>();
        for (var i = 0; i < 50; i++)
        {
            var result = await Convert(converter, Workspace(i));
            summary.Add(result);
            if (result.Status == ConversionStatus.Failed)
            {
                failed[Name(i)] = result.ErrorId!;
            }
        }

        Assert.Equal(47, summary[ConversionStatus.Converted]);
        Assert.Equal(3, summary[ConversionStatus.Failed]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["ws-07"] = ErrorIds.WorkspaceNoSystemIdentity,
            ["ws-20"] = ErrorIds.WorkspaceForbidden,
            ["ws-33"] = ErrorIds.WorkspaceNotFound,
        }, failed);
        Assert.Equal(47, Enumerable.Range(0, 50).Count(i => harness.RolesOf(Identity(i)).SequenceEqual(new[] { Administrator })));
        Assert.Equal(new[] { Contributor }, harness.RolesOf(Identity(20)));
        Assert.Equal("50 workspaces: 47 converted, 0 already converted, 0 planned, 0 skipped, 0 pending, 3 failed.", summary.ToString());
    }

    [Fact]
    public async Task Rollback_puts_back_a_Contributor_assignment_with_a_new_GUID_name()
    {
        await using var harness = await StartAsync(shape: (_, w) => w with { AllowRoleAssignmentOnRG = true });
        WorkspaceWriteRoutesForTests.Grant(harness, Identity(0), Administrator);
        WorkspaceWriteRoutesForTests.Revoke(harness, Identity(0), Contributor);

        var result = await Convert(harness.Converter(new ConversionOptions { Role = WorkspaceRole.Contributor }), Workspace(0));

        Assert.Equal(ConversionStatus.Converted, result.Status);
        var put = Assert.Single(harness.Writes);
        Assert.Equal("PUT", put.Method);
        Assert.Matches("^" + ResourceGroup + "/providers/Microsoft.Authorization/roleAssignments/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", put.Path);
        Assert.Equal("?api-version=2022-04-01", put.Query);
        var body = JsonNode.Parse(put.Body!)!["properties"]!;
        Assert.Equal($"/subscriptions/{Subscription}/providers/Microsoft.Authorization/roleDefinitions/{Contributor}", body["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal(Identity(0), body["principalId"]!.GetValue<string>());
        Assert.Equal("ServicePrincipal", body["principalType"]!.GetValue<string>());
        Assert.Equal(201, put.Status);
        Assert.Equal(new[] { Administrator, Contributor }.OrderBy(r => r, StringComparer.Ordinal), harness.RolesOf(Identity(0)));
        Assert.Contains("Microsoft.Resources/subscriptions/resourceGroups/delete", result.GainedOperations, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_token_appears_in_no_answer_and_no_record()
    {
        await using var harness = await StartAsync();
        harness.Emulator.Faults.Add(Fault.Forbidden("/workspaces/ws-00") with { Method = "PATCH" });

        var result = await Convert(harness.Converter(Remove), Workspace(0));

        Assert.DoesNotContain(Token, result.Reason!, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Error!.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Emulator.Requests, r => Assert.DoesNotContain(Token, r.ToString() + r.Body + r.ResponseBody, StringComparison.Ordinal));
    }
}

/// <summary>Sets up assignments in the emulator's store the way Azure would have made them.</summary>
internal static class WorkspaceWriteRoutesForTests
{
    public static void Grant(ConversionHarness harness, string principalId, string role) =>
        harness.Emulator.Store.Write(s => s.RoleAssignments.Add(new JsonObject
        {
            ["id"] = $"{ResourceGroup}/providers/Microsoft.Authorization/roleAssignments/{Guid.NewGuid():D}",
            ["name"] = "granted",
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["properties"] = new JsonObject
            {
                ["scope"] = ResourceGroup,
                ["roleDefinitionId"] = $"/subscriptions/{Subscription}/providers/Microsoft.Authorization/roleDefinitions/{role}",
                ["principalId"] = principalId,
                ["principalType"] = "ServicePrincipal",
            },
        }));

    public static void Revoke(ConversionHarness harness, string principalId, string role) =>
        harness.Emulator.Store.Write(s => s.RoleAssignments.RemoveAll(a =>
            a["properties"]!["principalId"]!.GetValue<string>() == principalId
            && a["properties"]!["roleDefinitionId"]!.GetValue<string>().EndsWith(role, StringComparison.OrdinalIgnoreCase)));
}
