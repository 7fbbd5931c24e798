using System.Security.Cryptography;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// The diff of two snapshots, one kind of cause at a time: each test changes one item of the sample tenant and checks a
/// decision samples/README.md says it must change (and its cause), then the second sample snapshot
/// (samples/contoso-after.snapshot.json) that changes all of them together, the filters, the evidence and the
/// promise to evaluate only the pairs a change reaches.
/// </summary>
public sealed class SnapshotComparisonTests
{
    private const string Erin = "01e6e8a6-ed41-4df2-a4a6-84626f31a73d";
    private const string Dave = "b1179b1a-7e6d-4df4-bed1-e312b1de3932";
    private const string Frank = "2534770b-545c-4579-9733-258a6602b0d0";
    private const string DataScientists = "5a95c1c1-0507-470d-ac29-fc08dcb97738";
    private const string MlopsCustom = "f05f127a-f439-453c-a824-b95afc7138b4";
    private const string ErinInDev = "e796f005-8b99-4fda-8b46-9d7b759b50fb";
    private const string ConnectionSecrets = "Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action";
    private const string EnvironmentBuild = "Microsoft.MachineLearningServices/workspaces/environments/build/action";

    private static readonly Tenant Before = SnapshotReader.Read(Contoso.SnapshotPath);
    private static string AfterPath => ModuleFiles.InRepository("samples", "contoso-after.snapshot.json");
    private static readonly Lazy<SnapshotDiff> Sample = new(() => new SnapshotComparison().Compare(Contoso.SnapshotPath, AfterPath));

    private static SnapshotDiff Diff(Tenant after, bool activities = false, bool privileged = false) =>
        new SnapshotComparison(activities, privileged).Compare(Before, after);

    private static DecisionChange One(SnapshotDiff diff, string principal, string asked, string scope) =>
        Assert.Single(diff.Decisions, d => d.PrincipalId == principal && d.Asked == asked && string.Equals(d.Scope, scope, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void A_snapshot_compared_with_itself_changes_nothing_and_evaluates_nothing()
    {
        var diff = Diff(SnapshotReader.Read(Contoso.SnapshotPath));

        Assert.Empty(diff.Items);
        Assert.Empty(diff.Decisions);
        Assert.False(diff.HasChanges);
        Assert.Equal(0, diff.PairsEvaluated);
    }

    [Fact]
    public void A_removed_assignment_takes_away_what_it_granted_and_is_the_cause()
    {
        // Erin's only ML role in dev is AzureML Data Scientist on mlw-dev (samples/README.md); Reader at contoso-ml stays.
        var after = Before with { RoleAssignments = Before.RoleAssignments.Where(a => !a.Id.EndsWith(ErinInDev, StringComparison.Ordinal)).ToList() };

        var diff = Diff(after);

        var submit = One(diff, Erin, "SubmitRunV1", Contoso.DevWorkspace);
        Assert.Equal((Outcome.Allowed, Outcome.NotGranted), (submit.Before, submit.After));
        var cause = Assert.Single(submit.Causes);
        Assert.Equal((ChangedItemKind.RoleAssignment, ChangeType.Removed), (cause.Kind, cause.Change));
        Assert.EndsWith(ErinInDev, cause.Id);
        Assert.Equal("Erin Walsh", submit.PrincipalName);
        Assert.All(diff.Decisions, d => Assert.Equal(Erin, d.PrincipalId));
    }

    [Fact]
    public void Only_the_pairs_a_change_reaches_are_evaluated()
    {
        // One assignment of one user at one workspace reaches one (principal, scope) pair, not the tenant's cross product.
        var after = Before with { RoleAssignments = Before.RoleAssignments.Where(a => !a.Id.EndsWith(ErinInDev, StringComparison.Ordinal)).ToList() };

        Assert.Equal(1, Diff(after).PairsEvaluated);
    }

    [Fact]
    public void An_added_assignment_grants_and_is_the_cause()
    {
        var added = new RoleAssignment
        {
            Id = Contoso.ProdWorkspace + "/providers/Microsoft.Authorization/roleAssignments/3c0a8f5e-2b7d-4e19-9a61-5f2d8c7e4b10",
            RoleDefinitionId = "f6c7c914-8db3-469d-8ca1-694a8f32e121", // AzureML Data Scientist
            PrincipalId = Erin,
            PrincipalType = PrincipalType.User,
            Scope = Contoso.ProdWorkspace,
        };

        var diff = Diff(Before with { RoleAssignments = Before.RoleAssignments.Append(added).ToList() });

        var submit = One(diff, Erin, "SubmitRunV1", Contoso.ProdWorkspace);
        Assert.Equal((Outcome.NotGranted, Outcome.Allowed), (submit.Before, submit.After));
        var cause = Assert.Single(submit.Causes);
        Assert.Equal((ChangedItemKind.RoleAssignment, ChangeType.Added, added.Id), (cause.Kind, cause.Change, cause.Id));
        Assert.Equal("AzureML Data Scientist for Erin Walsh", cause.Detail);
    }

    [Fact]
    public void An_edited_custom_role_changes_what_its_holders_may_do_and_the_operations_it_touches_are_compared()
    {
        // sp-mlops holds MLOps Custom on mlw-prod through ml-mlops (samples/README.md).
        var diff = Diff(Before with { RoleDefinitions = Before.RoleDefinitions.Select(EditMlopsCustom).ToList() });

        var secrets = One(diff, Contoso.SpMlops, ConnectionSecrets, Contoso.ProdWorkspace);
        Assert.Equal((Outcome.NotGranted, Outcome.Allowed), (secrets.Before, secrets.After));
        var cause = Assert.Single(secrets.Causes);
        Assert.Equal((ChangedItemKind.RoleDefinition, ChangeType.Edited, MlopsCustom), (cause.Kind, cause.Change, cause.Id));
        Assert.Equal($"actions +{ConnectionSecrets}, -{EnvironmentBuild}", cause.Detail);
        // Not a privileged operation and in no activity alone: compared because the edit touches it.
        var build = One(diff, Contoso.SpMlops, EnvironmentBuild, Contoso.ProdWorkspace);
        Assert.Equal((Outcome.Allowed, Outcome.NotGranted), (build.Before, build.After));
        Assert.Equal(ChangedDecisionKind.Operation, build.Kind);
    }

    private static RoleDefinition EditMlopsCustom(RoleDefinition role) => role.Id != MlopsCustom ? role : role with
    {
        Permissions = new[]
        {
            role.Permissions[0] with { Actions = role.Permissions[0].Actions.Where(a => a != EnvironmentBuild).Append(ConnectionSecrets).ToList() },
        },
    };

    [Fact]
    public void A_member_added_to_a_group_gets_the_group_s_access_and_the_membership_is_the_cause()
    {
        // ml-data-scientists holds AzureML Compute Operator on mlw-dev: its members create compute there.
        var diff = Diff(Before with
        {
            Groups = Before.Groups.Select(g => g.Id != DataScientists ? g : g with { Members = g.Members.Append(Frank).ToList() }).ToList(),
        });

        var cluster = One(diff, Frank, "CreateComputeCluster", Contoso.DevWorkspace);
        Assert.Equal((Outcome.NotGranted, Outcome.Allowed), (cluster.Before, cluster.After));
        var cause = Assert.Single(cluster.Causes);
        Assert.Equal((ChangedItemKind.GroupMembership, ChangeType.Added, DataScientists, Frank), (cause.Kind, cause.Change, cause.Id, cause.MemberId));
        Assert.Equal("Frank Nguyen added to ml-data-scientists", cause.Detail);
    }

    [Fact]
    public void A_group_is_never_listed_as_a_principal_its_members_are()
    {
        Assert.DoesNotContain(Sample.Value.Decisions, d => d.PrincipalId == DataScientists);
        Assert.Contains(Sample.Value.Decisions, d => d.PrincipalId == Contoso.Alice);
    }

    [Fact]
    public void An_added_deny_assignment_blocks_everyone_but_the_excluded_and_is_the_cause()
    {
        var deny = new DenyAssignment
        {
            Id = Contoso.DevWorkspace + "/providers/Microsoft.Authorization/denyAssignments/4f7e2d19-8c3b-4a56-b1e0-93d2c6a8f571",
            Name = "Deny delete: deployment stack mlw-dev-assets",
            Scope = Contoso.DevWorkspace,
            Permissions = new[] { new Permission { Actions = new[] { "*/delete" } } },
            Principals = new[] { ObjectIds.AllPrincipals },
            ExcludePrincipals = new[] { Dave },
        };

        var diff = Diff(Before with { DenyAssignments = Before.DenyAssignments.Append(deny).ToList() });

        var delete = One(diff, Contoso.Bob, "MlflowDeleteModels", Contoso.DevWorkspace);
        Assert.Equal((Outcome.Allowed, Outcome.Denied), (delete.Before, delete.After));
        var cause = Assert.Single(delete.Causes);
        Assert.Equal((ChangedItemKind.DenyAssignment, ChangeType.Added, deny.Id), (cause.Kind, cause.Change, cause.Id));
        Assert.DoesNotContain(diff.Decisions, d => d.PrincipalId == Dave);
    }

    [Fact]
    public void An_enforced_policy_assignment_changes_the_deployment_verdict_for_anyone()
    {
        // The dev subscription's registry restriction is report-only (DoNotEnforce) in the sample; enforcing it denies falcon in mlw-dev.
        var policy = Before.Policy with
        {
            Assignments = Before.Policy.Assignments.Select(a => a.Name != "restrict-model-registry-report" ? a : a with { EnforcementMode = EnforcementMode.Default }).ToList(),
        };

        var diff = Diff(Before with { Policy = policy });

        var falcon = Assert.Single(diff.Decisions, d => d.Model == Contoso.Falcon);
        Assert.Equal((DecisionChange.Anyone, ChangedDecisionKind.ModelDeployment, Contoso.DevWorkspace), (falcon.PrincipalId, falcon.Kind, falcon.Scope));
        Assert.Equal((Outcome.Allowed, Outcome.Denied), (falcon.Before, falcon.After));
        var cause = Assert.Single(falcon.Causes);
        Assert.Equal((ChangedItemKind.PolicyAssignment, ChangeType.Edited), (cause.Kind, cause.Change));
        Assert.Equal("enforcementMode DoNotEnforce -> Default", cause.Detail);
        Assert.All(diff.Decisions, d => Assert.Equal(Contoso.DevWorkspace, d.Scope));
    }

    [Fact]
    public void A_removed_exemption_is_a_changed_item_even_when_no_decision_changes()
    {
        // Under the documented handling an exemption does not exempt a v2.Data assignment, so removing it changes no verdict.
        var diff = Diff(Before with { Policy = Before.Policy with { Exemptions = Array.Empty<PolicyExemption>() } });

        var item = Assert.Single(diff.Items);
        Assert.Equal((ChangedItemKind.PolicyExemption, ChangeType.Removed, "Falcon pilot in prod"), (item.Kind, item.Change, item.Name));
        Assert.Empty(diff.Decisions);
    }

    [Fact]
    public void The_second_sample_snapshot_holds_every_kind_of_cause()
    {
        var kinds = Sample.Value.Items.Select(i => (i.Kind, i.Change)).ToHashSet();

        Assert.Equal(new[]
        {
            (ChangedItemKind.RoleAssignment, ChangeType.Added), (ChangedItemKind.RoleAssignment, ChangeType.Removed),
            (ChangedItemKind.RoleDefinition, ChangeType.Edited), (ChangedItemKind.GroupMembership, ChangeType.Added),
            (ChangedItemKind.DenyAssignment, ChangeType.Added), (ChangedItemKind.PolicyAssignment, ChangeType.Edited),
            (ChangedItemKind.PolicyExemption, ChangeType.Removed),
        }.ToHashSet(), kinds);
        // Each kind explains at least one changed decision, except the exemption (see above).
        var causes = Sample.Value.Decisions.SelectMany(d => d.Causes).Select(c => c.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<ChangedItemKind>().Except(new[] { ChangedItemKind.PolicyExemption, ChangedItemKind.PolicyDefinition }).ToHashSet(), causes);
    }

    [Fact]
    public void A_decision_two_changes_explain_names_both()
    {
        // Erin's assignment on mlw-dev is gone and the new deny blocks deletes there: notebook storage needs both.
        var notebook = One(Sample.Value, Erin, "AccessNotebookStorage", Contoso.DevWorkspace);

        Assert.Equal((Outcome.Allowed, Outcome.Denied), (notebook.Before, notebook.After));
        Assert.Equal(new[] { ChangedItemKind.RoleAssignment, ChangedItemKind.DenyAssignment }, notebook.Causes.Select(c => c.Kind));
    }

    [Fact]
    public void The_evidence_is_the_digest_of_each_file()
    {
        var diff = Sample.Value;

        Assert.Equal((Contoso.SnapshotPath, AfterPath), (diff.Before!.Path, diff.After!.Path));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Contoso.SnapshotPath))).ToLowerInvariant(), diff.Before.Sha256);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(AfterPath))).ToLowerInvariant(), diff.After.Sha256);
        Assert.Equal(new FileInfo(AfterPath).Length, diff.After.Bytes);
        Assert.NotEqual(diff.Before.Sha256, diff.After.Sha256);
    }

    [Fact]
    public void Privileged_compares_only_the_privileged_operations()
    {
        var privileged = AmlRbac.Catalog.PrivilegedOperations.All.Select(p => p.Operation).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var diff = new SnapshotComparison(privilegedOnly: true).Compare(Contoso.SnapshotPath, AfterPath);

        Assert.NotEmpty(diff.Decisions);
        Assert.All(diff.Decisions, d => Assert.Equal(ChangedDecisionKind.Operation, d.Kind));
        Assert.All(diff.Decisions, d => Assert.Contains(d.Asked, privileged));
        Assert.Contains(diff.Decisions, d => d.PrincipalId == Contoso.SpMlops && d.Asked == ConnectionSecrets);
    }

    [Fact]
    public void Activity_compares_only_activities_and_deployment_verdicts()
    {
        var diff = new SnapshotComparison(activitiesOnly: true).Compare(Contoso.SnapshotPath, AfterPath);

        Assert.Contains(diff.Decisions, d => d.Kind == ChangedDecisionKind.Activity);
        Assert.Contains(diff.Decisions, d => d.Kind == ChangedDecisionKind.ModelDeployment);
        Assert.DoesNotContain(diff.Decisions, d => d.Kind == ChangedDecisionKind.Operation);
    }

    [Fact]
    public void Grouping_by_workspace_puts_each_decision_under_the_workspace_it_is_in()
    {
        var groups = Sample.Value.GroupBy(DiffGrouping.Workspace);

        Assert.Contains(groups, g => g.Key == Contoso.DevWorkspace);
        Assert.Contains(groups, g => g.Key == Contoso.ProdWorkspace);
        Assert.Equal(Sample.Value.Decisions.Count, groups.Sum(g => g.Count()));
        Assert.All(groups, g => Assert.All(g, d => Assert.Equal(g.Key, d.Workspace)));
    }

    [Fact]
    public void A_missing_snapshot_is_SnapshotNotFound_naming_it()
    {
        var error = Assert.Throws<AmlRbacException>(() => new SnapshotComparison().Compare(Contoso.SnapshotPath, "no-such.snapshot.json"));

        Assert.Equal(ErrorIds.SnapshotNotFound, error.ErrorId);
        Assert.Contains("no-such.snapshot.json", error.Message);
    }
}
