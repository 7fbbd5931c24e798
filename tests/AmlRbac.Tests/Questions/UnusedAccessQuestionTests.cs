using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// What is never used, on the Contoso sample and its activity log (samples/README.md says who holds what), and on a
/// one-role tenant for the recommendations the sample cannot show. Expected values are the sample's, typed here.
/// </summary>
public sealed class UnusedAccessQuestionTests
{
    private const string Start = "Microsoft.MachineLearningServices/workspaces/computes/start/action";
    private const string Stop = "Microsoft.MachineLearningServices/workspaces/computes/stop/action";
    private const string MlwDev = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private static readonly Lazy<UnusedAccessReport> Sample = new(() =>
        new UnusedAccessQuestion(new AccessEvaluator(SampleTenant.Load()), ActivityLogReader.Read(ActivityLogReaderTests.SampleLog)).Answer());

    private static AssignmentUse Of(string assignmentName) => Sample.Value.Assignments.Single(a => a.Assignment.Id.EndsWith("/" + assignmentName, StringComparison.Ordinal));

    [Fact]
    public void The_window_is_the_first_and_last_record()
    {
        var report = Sample.Value;

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 41, 11, TimeSpan.Zero), report.From.AddTicks(-(report.From.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 12, 45, TimeSpan.Zero), report.To);
        Assert.Equal(35, report.Records);
        Assert.Equal(16, report.Performed); // the Succeeded records with an authorization; Started, Failed and Service Health are not
        Assert.Equal(14, report.Assignments.Count); // every assignment of the snapshot: 13 active and Frank's eligible one
    }

    [Fact]
    public void Contributor_of_the_dev_workspace_identity_is_replaced_by_a_proven_narrower_role()
    {
        var contributor = Of("ece5a7bb-2829-4511-8e9f-7c4ec18941f2");

        Assert.Equal(UnusedRecommendation.Replace, contributor.Recommendation);
        Assert.Equal(new[] { "Microsoft.KeyVault/vaults/secrets/write", "Microsoft.Storage/storageAccounts/blobServices/containers/write" },
            contributor.Used.Select(u => u.Operation));
        Assert.Equal(new[] { "039fa18a-8753-4791-9af4-c6206612f7fd" }, contributor.Used[0].Callers); // matched by app id
        Assert.True(contributor.Proof!.GrantsNoMore);
        Assert.True(contributor.CoversUsed);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/computes/write", contributor.NeverUsed);

        // The replacement, asked of the evaluator independently: what was used and reads, not other writes.
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var role = contributor.Replacement!;
        Assert.Equal(Outcome.Allowed, evaluator.CheckRole(role, "Microsoft.KeyVault/vaults/secrets/write").Outcome);
        Assert.Equal(Outcome.Allowed, evaluator.CheckRole(role, "Microsoft.MachineLearningServices/workspaces/read").Outcome);
        Assert.Equal(Outcome.NotGranted, evaluator.CheckRole(role, "Microsoft.MachineLearningServices/workspaces/computes/write").Outcome);
        Assert.Equal(Outcome.NotGranted, evaluator.CheckRole(role, "Microsoft.Compute/virtualMachines/write").Outcome);
        Assert.Equal(Outcome.NotGranted, evaluator.CheckRole(role, "Microsoft.Authorization/roleAssignments/write").Outcome);
        Assert.Equal(new[] { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev" }, role.AssignableScopes);
    }

    [Fact]
    public void An_operation_two_assignments_grant_is_credited_to_both_and_each_names_the_other()
    {
        // Bob starts his compute in mlw-dev: AzureML Data Scientist on rg-ml-dev and Compute Operator on mlw-dev both grant it.
        var scientist = Of("ae22abad-73ce-4b5c-b02b-400692f28d93").Used.Single(u => u.Operation == Start);
        var operatorRole = Of("fd26bb99-e26d-49cf-9527-0fa5155aa62d").Used.Single(u => u.Operation == Start);

        Assert.Equal(new[] { "bob@contoso.com" }, scientist.Callers);
        Assert.Single(scientist.AlsoGrantedBy, id => id.EndsWith("/fd26bb99-e26d-49cf-9527-0fa5155aa62d", StringComparison.Ordinal));
        Assert.Single(operatorRole.AlsoGrantedBy, id => id.EndsWith("/ae22abad-73ce-4b5c-b02b-400692f28d93", StringComparison.Ordinal));
    }

    [Fact]
    public void A_group_assignment_is_used_by_its_members_and_a_conditional_one_is_credited()
    {
        var mlops = Of("73f75c41-7009-45c1-872a-2d5101a58473"); // ml-mlops, MLOps Custom: sp-mlops is a member
        var dave = Of("c5e5d849-87a1-4766-aa06-5d1d5b817ec5"); // roleAssignments/write under an ABAC condition

        Assert.Equal("Microsoft.MachineLearningServices/workspaces/environments/write", Assert.Single(mlops.Used).Operation);
        Assert.Contains(dave.Used, u => u.Operation == "Microsoft.Authorization/roleAssignments/write");
        Assert.Contains("condition", dave.Why);
    }

    [Fact]
    public void Roles_that_grant_what_the_log_cannot_see_are_reviewed_never_removed()
    {
        var reader = Of("296ccf71-d597-4889-91f8-67ddf8819735"); // ml-all, Reader on the contoso-ml management group
        var blob = Of("a2767d8a-577d-423e-88df-f31146a03847"); // Erin, Storage Blob Data Reader

        Assert.Equal(UnusedRecommendation.Review, reader.Recommendation);
        Assert.Empty(reader.Used);
        Assert.Empty(reader.NeverUsed); // Reader grants only reads: nothing logged can be unused
        Assert.Contains("read", reader.Why);
        Assert.Equal(UnusedRecommendation.Review, blob.Recommendation);
        Assert.True(blob.UnloggedDataActions > 0);
        Assert.Contains("data action", blob.Why);
        Assert.DoesNotContain(Sample.Value.Assignments, a => a.Recommendation == UnusedRecommendation.Remove);
    }

    [Fact]
    public void A_failed_operation_is_not_use()
    {
        // Erin's compute creation in mlw-dev failed (her roles do not grant it): nothing credits it, and nothing explains it away.
        Assert.DoesNotContain(Sample.Value.Assignments.SelectMany(a => a.Used), u => u.Callers.Contains("erin@contoso.com") && u.Operation.EndsWith("computes/write", StringComparison.Ordinal));
        Assert.DoesNotContain(Sample.Value.Unexplained, u => u.Caller == "erin@contoso.com");
    }

    [Fact]
    public void Unknown_callers_and_operations_no_assignment_grants_are_said()
    {
        var miss = Assert.Single(Sample.Value.UnmatchedCallers);
        Assert.Equal(new CallerMiss("mallory@fabrikam.com", 1), miss);
        var unexplained = Assert.Single(Sample.Value.Unexplained);
        Assert.Equal("alice@contoso.com", unexplained.Caller);
        Assert.Equal("f654bbdb-76f3-4d0a-8bc9-337e384a70b8", unexplained.PrincipalId);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/delete", unexplained.Operation);
    }

    // ---- One custom role that grants only logged operations: start and stop a compute --------------------------

    private static UnusedAccessReport OneRole(params string[] usedOperations)
    {
        var tenant = new Tenant
        {
            Source = "one-role test tenant",
            RoleDefinitions = new[]
            {
                new RoleDefinition
                {
                    Id = "3f1b8a52-6c1e-4d0b-9a55-1f6f1d7e2a10", Name = "Compute Starter", IsCustom = true,
                    Permissions = new[] { new Permission { Actions = new[] { Start, Stop } } },
                    AssignableScopes = new[] { MlwDev },
                },
            },
            RoleAssignments = new[]
            {
                new RoleAssignment
                {
                    Id = MlwDev + "/providers/Microsoft.Authorization/roleAssignments/7c0e3f4e-0a7b-4d43-8f3c-2b8d6c1f9e01",
                    RoleDefinitionId = "3f1b8a52-6c1e-4d0b-9a55-1f6f1d7e2a10", PrincipalId = "588b8f66-b284-43e5-932a-21ade104cbfe",
                    PrincipalType = PrincipalType.User, Scope = MlwDev,
                },
            },
            Principals = new[] { new Principal { Id = "588b8f66-b284-43e5-932a-21ade104cbfe", Type = PrincipalType.User, UserPrincipalName = "bob@contoso.com" } },
        };
        var records = usedOperations.Select((o, i) => new ActivityRecord
        {
            Number = i + 1, Time = new DateTimeOffset(2026, 12, 1, 9, i, 0, TimeSpan.Zero), Action = o, Scope = MlwDev + "/computes/ci-bob",
            Caller = "BOB@contoso.com", Status = "Succeeded",
        }).Append(new ActivityRecord { Number = usedOperations.Length + 1, Time = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), Status = "Active" }).ToList();
        return new UnusedAccessQuestion(new AccessEvaluator(tenant), new ActivityLog { Source = "test", Shape = "test", Records = records }).Answer();
    }

    [Fact]
    public void An_assignment_of_only_logged_operations_that_nobody_used_is_removed()
    {
        var report = OneRole();

        var use = Assert.Single(report.Assignments);
        Assert.Equal(UnusedRecommendation.Remove, use.Recommendation);
        Assert.Equal(new[] { Start, Stop }, use.NeverUsed);
        Assert.True(report.HasAccessToNarrow);
    }

    [Fact]
    public void An_assignment_used_in_full_is_kept()
    {
        var report = OneRole(Start, Stop);

        var use = Assert.Single(report.Assignments);
        Assert.Equal(UnusedRecommendation.Keep, use.Recommendation);
        Assert.Empty(use.NeverUsed);
        Assert.True(use.Proof!.Same);
        Assert.False(report.HasAccessToNarrow);
    }

    [Fact]
    public void An_assignment_used_in_part_is_replaced_by_what_was_used()
    {
        var report = OneRole(Start, Start);

        var use = Assert.Single(report.Assignments);
        Assert.Equal(UnusedRecommendation.Replace, use.Recommendation);
        Assert.Equal(2, use.Used.Single().Records);
        Assert.Equal(new[] { Stop }, use.NeverUsed);
        Assert.Equal(new[] { Start }, use.Replacement!.Permissions[0].Actions);
        Assert.Equal(new[] { Stop }, use.Proof!.OnlyInReference);
        Assert.Empty(use.Proof.OnlyInRole);
    }
}
