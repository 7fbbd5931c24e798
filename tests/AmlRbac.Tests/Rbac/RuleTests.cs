using Xunit;
using static AmlRbac.Tests.Rbac.RuleTenant;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// One focused test per rule and edge of the Semantics list, each on a tenant built for it
/// (the shared case corpus and the differential tests cover the same rules in combination).
/// </summary>
public sealed class RuleTests
{
    // ---- NotActions, blocks and the union of roles ----------------------------------------------

    [Fact]
    public void Not_actions_remove_the_operation_from_their_own_role()
    {
        var role = Role("No compute write", new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeWrite } });
        var engine = AliceHolds(role, Workspace);

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.NotGranted, decision.Outcome);
        var removed = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonKind.ExcludedByNotAction, removed.Kind);
        Assert.Equal(ComputeWrite, removed.Pattern);
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeRead, Workspace));
    }

    [Fact]
    public void Not_actions_are_not_a_deny_another_role_still_grants()
    {
        var narrow = Role("No compute write", new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeWrite } });
        var writer = Role("Compute writer", Allow(ComputeWrite));
        var engine = Engine(new[] { narrow, writer }, new[] { Assign(Alice, narrow, Workspace), Assign(Alice, writer, Rg1) });

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Allowed, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Kind == ReasonKind.Grant && r.RoleName == "Compute writer");
        Assert.Contains(decision.Reasons, r => r.Kind == ReasonKind.ExcludedByNotAction && r.RoleName == "No compute write");
    }

    [Fact]
    public void Not_actions_subtract_only_within_their_own_permission_block()
    {
        var role = Role("Two blocks",
            new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeWrite } },
            Allow(ComputeWrite));

        Assert.Equal(Outcome.Allowed, AliceHolds(role, Workspace).Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void Access_is_the_union_of_assignments_at_different_scopes()
    {
        var reader = Role("Reads workspaces", Allow(WorkspaceRead));
        var writer = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { reader, writer }, new[] { Assign(Alice, reader, SubscriptionScope), Assign(Alice, writer, Workspace) });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_assignment_naming_an_unknown_role_makes_the_answer_unknown_and_says_so()
    {
        // Issue #13 section 3: this was NotGranted (the role was ignored); the role may grant it, so it is Unknown.
        var engine = Engine(Array.Empty<RoleDefinition>(), new[]
        {
            new RoleAssignment { Id = "ra-ghost", PrincipalId = Alice, RoleDefinitionId = "deadbeef-0000-4000-8000-000000000000", Scope = Workspace },
        });

        var decision = engine.Check(Alice, WorkspaceRead, Workspace);

        Assert.Equal(Outcome.Unknown, decision.Outcome);
        Assert.Equal(ReasonKind.UnresolvedRole, Assert.Single(decision.Reasons).Kind);
    }

    [Fact]
    public void A_role_definition_id_in_resource_id_form_finds_the_role()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var assignment = Assign(Alice, role, Workspace) with
        {
            RoleDefinitionId = $"/subscriptions/{Subscription}/providers/Microsoft.Authorization/roleDefinitions/{role.Id.ToUpperInvariant()}",
        };
        var engine = Engine(new[] { role }, new[] { assignment });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    // ---- Scopes ---------------------------------------------------------------------------------

    [Fact]
    public void Access_is_inherited_downward_only()
    {
        var engine = AliceHolds(Role("Writes compute", Allow(ComputeWrite)), Workspace);

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Compute));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, Rg1));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, SubscriptionScope));
    }

    [Fact]
    public void Rg1_does_not_cover_rg10()
    {
        var engine = AliceHolds(Role("Reads", Allow("*/read")), Rg1);

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, Rg1 + "/providers/Microsoft.MachineLearningServices/workspaces/ws1"));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, WorkspaceRead, Rg10 + "/providers/Microsoft.MachineLearningServices/workspaces/ws1"));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, WorkspaceRead, Rg10));
    }

    [Fact]
    public void Scopes_compare_without_regard_to_case()
    {
        var engine = AliceHolds(Role("Writes compute", Allow(ComputeWrite)), Workspace.ToLowerInvariant());

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Compute.ToUpperInvariant()));
    }

    [Fact]
    public void A_management_group_assignment_reaches_subscriptions_below_it_through_nested_groups()
    {
        var role = Role("Reads", Allow("*/read"));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, "/providers/Microsoft.Management/managementGroups/mg-top") },
            managementGroups: new[]
            {
                new ManagementGroup { Id = "mg-top" },
                new ManagementGroup { Id = "mg-ml", Parent = "mg-top", Subscriptions = new[] { Subscription } },
            });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, "/providers/Microsoft.Management/managementGroups/mg-ml"));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, WorkspaceRead, "/subscriptions/" + OtherSubscription));
    }

    [Fact]
    public void A_root_assignment_reaches_everything()
    {
        var engine = AliceHolds(Role("Reads", Allow("*/read")), "/");

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, Compute));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, "/providers/Microsoft.Management/managementGroups/any"));
    }

    // ---- Deny assignments -----------------------------------------------------------------------

    private static DenyAssignment DenyComputeWrite(string scope, string[] principals, string[]? excluded = null, bool childScopesExcluded = false) => new()
    {
        Id = "deny-1",
        Name = "no compute writes",
        Scope = scope,
        Permissions = new[] { Allow(Ml + "workspaces/computes/*") with { NotActions = new[] { ComputeRead } } },
        Principals = principals,
        ExcludePrincipals = excluded ?? Array.Empty<string>(),
        DoNotApplyToChildScopes = childScopesExcluded,
    };

    [Fact]
    public void A_deny_assignment_overrides_any_grant()
    {
        var engine = AliceHolds(Role("Everything", Allow("*")), SubscriptionScope, new[] { DenyComputeWrite(Workspace, new[] { Alice }) });

        var decision = engine.Check(Alice, ComputeWrite, Compute);

        Assert.Equal(Outcome.Denied, decision.Outcome);
        var blocked = decision.DecidingReason!;
        Assert.Equal(ReasonKind.BlockedByDeny, blocked.Kind);
        Assert.Equal("deny-1", blocked.DenyAssignmentId);
        Assert.Equal(Ml + "workspaces/computes/*", blocked.Pattern);
    }

    [Fact]
    public void A_deny_assignments_not_actions_carve_out_what_it_does_not_deny()
    {
        var engine = AliceHolds(Role("Everything", Allow("*")), SubscriptionScope, new[] { DenyComputeWrite(Workspace, new[] { Alice }) });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeRead, Workspace));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("00000000000000000000000000000000")]
    public void The_all_principals_id_with_or_without_dashes_denies_everyone(string everyone)
    {
        var role = Role("Everything", Allow("*"));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace), Assign(Bob, role, Workspace) },
            new[] { DenyComputeWrite(Workspace, new[] { everyone }) });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Denied, engine.Decide(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_excluded_principal_is_not_denied()
    {
        var role = Role("Everything", Allow("*"));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace), Assign(Bob, role, Workspace) },
            new[] { DenyComputeWrite(Workspace, new[] { ObjectIds.AllPrincipals }, excluded: new[] { Bob.ToUpperInvariant() }) });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void Excluding_a_group_excludes_its_nested_members()
    {
        var role = Role("Everything", Allow("*"));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace) },
            new[] { DenyComputeWrite(Workspace, new[] { ObjectIds.AllPrincipals }, excluded: new[] { DepartmentGroup }) },
            new[]
            {
                new Group { Id = DepartmentGroup, Members = new[] { TeamGroup } },
                new Group { Id = TeamGroup, Members = new[] { Alice } },
            });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void A_deny_naming_a_group_blocks_its_nested_members()
    {
        var role = Role("Everything", Allow("*"));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace) },
            new[] { DenyComputeWrite(Workspace, new[] { DepartmentGroup }) },
            new[]
            {
                new Group { Id = DepartmentGroup, Members = new[] { TeamGroup } },
                new Group { Id = TeamGroup, Members = new[] { Alice } },
            });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void A_deny_that_does_not_apply_to_child_scopes_blocks_only_at_its_own_scope()
    {
        var engine = AliceHolds(Role("Everything", Allow("*")), SubscriptionScope,
            new[] { DenyComputeWrite(Workspace, new[] { Alice }, childScopesExcluded: true) });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Compute));
    }

    [Fact]
    public void A_deny_does_not_reach_above_its_scope()
    {
        var engine = AliceHolds(Role("Everything", Allow("*")), SubscriptionScope, new[] { DenyComputeWrite(Workspace, new[] { Alice }) });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Rg1));
    }

    // ---- Data and control planes ----------------------------------------------------------------

    // Microsoft.KeyVault/vaults/keys/read is listed twice by security.md, once as an action and once as a data action
    // (https://learn.microsoft.com/azure/role-based-access-control/permissions/security): the flag picks one.
    private const string KeysRead = "Microsoft.KeyVault/vaults/keys/read";

    [Fact]
    public void Control_actions_never_grant_a_data_action()
    {
        var engine = AliceHolds(Role("Control everything", Allow("*")), SubscriptionScope);

        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, KeysRead, Workspace, isDataAction: true));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, KeysRead, Workspace, isDataAction: false));
    }

    [Fact]
    public void A_catalog_data_action_is_one_whatever_the_question_says()
    {
        // storage.md lists blobs/read only after "| **DataAction** |": asked as a control action, it is still a data action.
        var engine = AliceHolds(Role("Control everything", Allow("*")), SubscriptionScope);

        var decision = engine.Check(Alice, BlobRead, Workspace, isDataAction: false);

        Assert.Equal(Outcome.NotGranted, decision.Outcome);
        Assert.True(decision.IsDataAction);
    }

    [Fact]
    public void Data_actions_never_grant_a_control_action()
    {
        var engine = AliceHolds(Role("Data everything", new Permission { DataActions = new[] { "*" } }), SubscriptionScope);

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, BlobRead, Workspace, isDataAction: true));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, WorkspaceRead, Workspace));
    }

    [Fact]
    public void Not_data_actions_remove_data_actions_and_not_control_ones()
    {
        var role = Role("Keys but not read", new Permission
        {
            Actions = new[] { KeysRead },
            DataActions = new[] { "Microsoft.KeyVault/vaults/keys/*" },
            NotDataActions = new[] { KeysRead },
        });
        var engine = AliceHolds(role, SubscriptionScope);

        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, KeysRead, Workspace, isDataAction: true));
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, KeysRead, Workspace, isDataAction: false));
    }

    // ---- Principals and groups ------------------------------------------------------------------

    [Fact]
    public void Group_membership_is_transitive_and_the_reason_names_the_group()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(DivisionGroup, role, Workspace) }, groups: new[]
        {
            new Group { Id = DivisionGroup, DisplayName = "division", Members = new[] { DepartmentGroup } },
            new Group { Id = DepartmentGroup, DisplayName = "department", Members = new[] { TeamGroup } },
            new Group { Id = TeamGroup, DisplayName = "team", Members = new[] { Alice } },
        });

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Allowed, decision.Outcome);
        Assert.Equal("division", decision.DecidingReason!.ViaGroupName);
        Assert.Equal(DivisionGroup, decision.DecidingReason.ViaGroupId);
    }

    [Fact]
    public void Cyclic_groups_end_and_still_grant()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(DepartmentGroup, role, Workspace) }, groups: new[]
        {
            new Group { Id = DepartmentGroup, Members = new[] { TeamGroup } },
            new Group { Id = TeamGroup, Members = new[] { DepartmentGroup, Alice } },
        });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void Principal_ids_match_across_case_and_dashes()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(Alice.Replace("-", "").ToUpperInvariant(), role, Workspace) });

        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Check(Alice.ToUpperInvariant(), ComputeWrite, Workspace).Outcome);
    }

    // ---- Outcomes: Conditional, Eligible and their order ----------------------------------------

    private const string BlobCondition =
        "((!(ActionMatches{'" + BlobRead + "'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'training'))";

    [Fact]
    public void A_condition_that_gates_the_operation_makes_the_grant_conditional()
    {
        var role = Role("Blob reader", new Permission { Actions = new[] { "*/read" }, DataActions = new[] { BlobRead } });
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, SubscriptionScope, condition: BlobCondition) });

        var decision = engine.Check(Alice, BlobRead, Workspace, isDataAction: true);

        Assert.Equal(Outcome.Conditional, decision.Outcome);
        Assert.Equal(BlobCondition, decision.DecidingReason!.Condition);
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, WorkspaceRead, Workspace));
    }

    [Fact]
    public void A_condition_on_a_role_block_makes_the_grant_conditional()
    {
        var role = Role("Gated", new Permission { DataActions = new[] { BlobRead }, Condition = BlobCondition, ConditionVersion = "2.0" });

        Assert.Equal(Outcome.Conditional, AliceHolds(role, Workspace).Decide(Alice, BlobRead, Workspace, isDataAction: true));
    }

    [Fact]
    public void A_condition_without_an_action_gate_restricts_every_operation()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace, condition: "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Team] StringEquals 'ml'") });

        Assert.Equal(Outcome.Conditional, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_eligible_assignment_grants_nothing_until_activated()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace, eligible: true) });

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(ReasonKind.EligibleGrant, decision.DecidingReason!.Kind);
    }

    [Fact]
    public void Allowed_beats_conditional_beats_eligible()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var gated = "@Principal[x] StringEquals 'y'";
        var eligibleAndConditional = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace, eligible: true), Assign(Alice, role, Rg1, condition: gated) });
        var all = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace, eligible: true), Assign(Alice, role, Rg1, condition: gated), Assign(Alice, role, SubscriptionScope) });

        Assert.Equal(Outcome.Conditional, eligibleAndConditional.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, all.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void A_deny_beats_an_eligible_grant()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(Alice, role, Workspace, eligible: true) }, new[] { DenyComputeWrite(Workspace, new[] { Alice }) });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    // ---- Reasons and suggestions ----------------------------------------------------------------

    [Fact]
    public void A_grant_reason_carries_the_assignment_role_scope_and_pattern()
    {
        var role = Role("Compute admin", Allow(Ml + "workspaces/computes/*"));
        var assignment = Assign(Alice, role, Rg1);
        var engine = Engine(new[] { role }, new[] { assignment });

        var reason = engine.Check(Alice, ComputeWrite, Workspace).DecidingReason!;

        Assert.Equal(assignment.Id, reason.AssignmentId);
        Assert.Equal(role.Id, reason.RoleDefinitionId);
        Assert.Equal("Compute admin", reason.RoleName);
        Assert.Equal(Rg1, reason.Scope);
        Assert.Equal(Ml + "workspaces/computes/*", reason.Pattern);
        Assert.Null(reason.ViaGroupId);
    }

    [Fact]
    public void Reasons_come_in_closure_order_not_scope_order_grants_before_exclusions()
    {
        // DecisionJson's order: denies, then grants, then NotAction exclusions; within each, the
        // principal's own assignments first, then its groups', each in source order, whatever the scope.
        var writer = Role("Compute writer", Allow(ComputeWrite));
        var narrow = Role("No compute write", new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeWrite } });
        var viaTeamAtCompute = Assign(TeamGroup, writer, Compute);
        var ownExcludedAtSubscription = Assign(Alice, narrow, SubscriptionScope);
        var ownAtWorkspace = Assign(Alice, writer, Workspace);
        var ownAtRg1 = Assign(Alice, writer, Rg1);
        var viaTeamExcludedAtRg1 = Assign(TeamGroup, narrow, Rg1);
        var engine = Engine(new[] { writer, narrow },
            new[] { viaTeamAtCompute, ownExcludedAtSubscription, ownAtWorkspace, ownAtRg1, viaTeamExcludedAtRg1 },
            groups: new[] { new Group { Id = TeamGroup, DisplayName = "team", Members = new[] { Alice } } });

        var decision = engine.Check(Alice, ComputeWrite, Compute);

        Assert.Equal(
            new[]
            {
                (ReasonKind.Grant, ownAtWorkspace.Id),
                (ReasonKind.Grant, ownAtRg1.Id),
                (ReasonKind.Grant, viaTeamAtCompute.Id),
                (ReasonKind.ExcludedByNotAction, ownExcludedAtSubscription.Id),
                (ReasonKind.ExcludedByNotAction, viaTeamExcludedAtRg1.Id),
            },
            decision.Reasons.Select(r => (r.Kind, r.AssignmentId!)));
        Assert.Equal(TeamGroup, decision.Reasons[2].ViaGroupId);
        var effective = engine.EffectiveAccess(Alice, Compute).Single(d => d.Action == ComputeWrite);
        Assert.Equal(effective.Reasons, decision.Reasons);
    }

    [Fact]
    public void Suggestions_list_built_in_roles_that_grant_the_operation_narrowest_first()
    {
        var engine = new AccessEvaluator(Tenant.Empty);

        var suggestions = engine.Check(Alice, ComputeWrite, Workspace).WouldBeGrantedBy;

        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal(Outcome.Allowed, engine.CheckRole(engine.GetRole(s.RoleName), ComputeWrite).Outcome));
        Assert.Equal(suggestions.OrderBy(s => s.GrantedOperationCount).Select(s => s.RoleName), suggestions.Select(s => s.RoleName));
        Assert.True(suggestions.ToList().FindIndex(s => s.RoleName == "AzureML Compute Operator") < suggestions.ToList().FindIndex(s => s.RoleName == "Owner"));
        Assert.DoesNotContain(suggestions, s => s.RoleName == "Reader");
    }

    [Fact]
    public void An_allowed_decision_suggests_nothing()
    {
        Assert.Empty(AliceHolds(Role("Writes compute", Allow(ComputeWrite)), Workspace).Check(Alice, ComputeWrite, Workspace).WouldBeGrantedBy);
    }

    // ---- Queries --------------------------------------------------------------------------------

    [Fact]
    public void What_a_role_alone_grants_ignores_principals_and_scopes()
    {
        var role = Role("Compute admin", new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { Ml + "workspaces/computes/delete" } });
        var engine = new AccessEvaluator(Tenant.Empty);

        Assert.Equal(Outcome.Allowed, engine.CheckRole(role, ComputeWrite).Outcome);
        Assert.Equal(Outcome.NotGranted, engine.CheckRole(role, Ml + "workspaces/computes/delete").Outcome);
        Assert.Null(engine.CheckRole(role, ComputeWrite).PrincipalId);
    }

    [Fact]
    public void Effective_access_decides_every_catalog_operation_as_a_check_would()
    {
        var engine = AliceHolds(Role("Compute admin", Allow(Ml + "workspaces/computes/*")), Rg1,
            new[] { DenyComputeWrite(Workspace, new[] { Alice }) });

        var decisions = engine.EffectiveAccess(Alice, Workspace);

        Assert.Equal(AmlCatalog.Default.Operations.Count, decisions.Count);
        Assert.Equal(AmlCatalog.Default.Operations.Select(o => o.Name), decisions.Select(d => d.Action));
        Assert.All(decisions, d => Assert.Equal(engine.Decide(Alice, d.Action, Workspace), d.Outcome));
        Assert.Contains(decisions, d => d.Outcome == Outcome.Denied);
        Assert.Contains(decisions, d => d.Outcome == Outcome.Allowed);
    }

    [Fact]
    public void An_activity_is_allowed_only_when_every_required_operation_is()
    {
        var activity = new Activity
        {
            Name = "ManageCompute",
            DisplayName = "Manage compute",
            Actions = new[] { ComputeRead, ComputeWrite },
            LeastScope = ScopeLevel.Resource,
            Source = "test",
        };
        var partial = AliceHolds(Role("Reads compute", Allow(ComputeRead)), Workspace);
        var full = AliceHolds(Role("Compute admin", Allow(Ml + "workspaces/computes/*")), Workspace);

        var missing = partial.CheckActivity(Alice, activity, Workspace);

        Assert.Equal(Outcome.NotGranted, missing.Outcome);
        Assert.Equal(ComputeWrite, Assert.Single(missing.Missing).Action);
        Assert.Equal(Outcome.Allowed, full.CheckActivity(Alice, activity, Workspace).Outcome);
    }

    [Fact]
    public void Who_can_expands_groups_to_their_members_with_the_path_and_leaves_out_the_denied()
    {
        var role = Role("Writes compute", Allow(ComputeWrite));
        var engine = Engine(new[] { role }, new[] { Assign(DepartmentGroup, role, Rg1), Assign(Bob, role, Workspace, eligible: true) },
            new[] { DenyComputeWrite(Workspace, new[] { DivisionGroup }) },
            new[]
            {
                new Group { Id = DepartmentGroup, DisplayName = "department", Members = new[] { TeamGroup, DivisionGroup } },
                new Group { Id = TeamGroup, DisplayName = "team", Members = new[] { Alice } },
                new Group { Id = DivisionGroup, DisplayName = "division" },
            });

        var holders = engine.WhoCan(ComputeWrite, Workspace);

        var byId = holders.ToDictionary(h => h.PrincipalId, h => h.Decision);
        Assert.Equal(new[] { Alice, Bob, DepartmentGroup, TeamGroup }.OrderBy(x => x), byId.Keys.OrderBy(x => x));
        Assert.Equal(Outcome.Allowed, byId[Alice].Outcome);
        Assert.Equal("department", byId[Alice].DecidingReason!.ViaGroupName);
        Assert.Equal(Outcome.Eligible, byId[Bob].Outcome);
    }
}
