using Xunit;
using static AmlRbac.Tests.Rbac.RuleTenant;

using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// Issue #13 section 3, "Don't know is Unknown, never NotGranted": an assignment whose role definition the source does
/// not hold, or that is held by a group whose members the source does not hold, makes the answer Unknown wherever it
/// could change it; a deny still denies and Allowed stays Allowed.
/// </summary>
public sealed class UnknownAnswerTests
{
    private const string MissingRoleId = "deadbeef-0000-4000-8000-000000000000";

    private static RoleAssignment Ghost(string principal, string scope, bool eligible = false, PrincipalType type = PrincipalType.Unknown) => new()
    {
        Id = "ra-ghost",
        PrincipalId = principal,
        PrincipalType = type,
        RoleDefinitionId = MissingRoleId,
        Scope = scope,
        IsEligible = eligible,
    };

    // ---- A role definition the source does not hold ---------------------------------------------

    [Fact]
    public void An_unknown_role_held_through_a_group_makes_a_members_answer_unknown_naming_the_assignment_and_the_role()
    {
        var engine = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(TeamGroup, Rg1) },
            groups: new[] { new Group { Id = TeamGroup, DisplayName = "team", Members = new[] { Alice } } });

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Unknown, decision.Outcome);
        Assert.Equal(Outcome.Unknown, engine.Decide(Alice, ComputeWrite, Workspace));
        var reason = decision.DecidingReason!;
        Assert.Equal(ReasonKind.UnresolvedRole, reason.Kind);
        Assert.Equal("ra-ghost", reason.AssignmentId);
        Assert.Equal(MissingRoleId, reason.RoleDefinitionId);
        Assert.Equal(TeamGroup, reason.ViaGroupId);
    }

    [Fact]
    public void An_unknown_role_does_not_change_what_is_already_allowed()
    {
        var writer = Role("Compute writer", Allow(ComputeWrite));
        var engine = Engine(new[] { writer }, new[] { Ghost(Alice, Workspace), Assign(Alice, writer, Workspace) });

        Assert.Equal(Outcome.Allowed, engine.Check(Alice, ComputeWrite, Workspace).Outcome);
        Assert.Equal(Outcome.Allowed, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void A_deny_still_denies_beside_an_unknown_role()
    {
        var deny = new DenyAssignment
        {
            Id = "deny-1",
            Name = "no compute writes",
            Scope = Workspace,
            Permissions = new[] { Allow(ComputeWrite) },
            Principals = new[] { Alice },
        };
        var engine = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(Alice, Workspace) }, new[] { deny });

        Assert.Equal(Outcome.Denied, engine.Check(Alice, ComputeWrite, Workspace).Outcome);
        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_unknown_role_below_the_scope_asked_or_of_someone_else_changes_nothing()
    {
        var engine = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(Alice, Compute), Ghost(Bob, Workspace) });

        Assert.Equal(Outcome.NotGranted, engine.Check(Alice, ComputeWrite, Workspace).Outcome);
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_eligible_unknown_role_can_at_most_make_it_eligible()
    {
        var writer = Role("Compute writer", Allow(ComputeWrite));
        var nothing = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(Alice, Workspace, eligible: true) });
        var eligible = Engine(new[] { writer }, new[] { Ghost(Alice, Workspace, eligible: true), Assign(Alice, writer, Workspace, eligible: true) });

        Assert.Equal(Outcome.Unknown, nothing.Check(Alice, ComputeWrite, Workspace).Outcome);
        // Already Eligible: an eligible assignment cannot give more, so the answer is known.
        Assert.Equal(Outcome.Eligible, eligible.Check(Alice, ComputeWrite, Workspace).Outcome);
    }

    [Fact]
    public void An_activity_with_an_unknown_role_is_unknown_not_not_granted()
    {
        var engine = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(Alice, Workspace) });

        var activity = engine.CheckActivity(Alice, engine.Catalog.GetActivity("CreateComputeCluster"), Workspace);

        Assert.Equal(Outcome.Unknown, activity.Outcome);
    }

    [Fact]
    public void Who_can_lists_the_holder_of_an_unknown_role_as_unknown()
    {
        var writer = Role("Compute writer", Allow(ComputeWrite));
        var engine = Engine(new[] { writer }, new[] { Ghost(Bob, Workspace), Assign(Alice, writer, Workspace) });

        var holders = engine.WhoCan(ComputeWrite, Workspace).ToDictionary(h => h.PrincipalId, h => h.Decision.Outcome);

        Assert.Equal(Outcome.Allowed, holders[Alice]);
        Assert.Equal(Outcome.Unknown, holders[Bob]);
    }

    [Fact]
    public void Effective_access_shows_unknown_rows_for_an_unknown_role()
    {
        var engine = Engine(Array.Empty<RoleDefinition>(), new[] { Ghost(Alice, Workspace) });

        var rows = engine.EffectiveAccess(Alice, Workspace);

        Assert.Contains(rows, d => d.Action == ComputeWrite && d.Outcome == Outcome.Unknown);
        Assert.DoesNotContain(rows, d => d.Outcome == Outcome.NotGranted);
    }

    // ---- A group whose members the source does not hold -----------------------------------------

    private static AccessEvaluator GroupWithoutMembers(IEnumerable<Group>? groups = null, string holder = TeamGroup)
    {
        var writer = Role("Compute writer", Allow(ComputeWrite));
        return Engine(new[] { writer }, new[] { Assign(holder, writer, Rg1) with { Id = "ra-team", PrincipalType = PrincipalType.Group } }, groups: groups);
    }

    [Fact]
    public void A_group_assignment_without_the_groups_members_makes_anyone_elses_answer_unknown_naming_the_group()
    {
        var engine = GroupWithoutMembers();

        var decision = engine.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Unknown, decision.Outcome);
        Assert.Equal(Outcome.Unknown, engine.Decide(Alice, ComputeWrite, Workspace));
        var reason = decision.DecidingReason!;
        Assert.Equal(ReasonKind.MembershipUnknown, reason.Kind);
        Assert.Equal("ra-team", reason.AssignmentId);
        Assert.Equal(TeamGroup, reason.ViaGroupId);
        // A principal the source does not know at all may be a member too.
        Assert.Equal(Outcome.Unknown, engine.Decide("0e000000-0000-4000-8000-0000000000ee", ComputeWrite, Workspace));
    }

    [Fact]
    public void The_group_itself_and_what_its_role_does_not_grant_are_decided_as_today()
    {
        var engine = GroupWithoutMembers();

        Assert.Equal(Outcome.Allowed, engine.Decide(TeamGroup, ComputeWrite, Workspace));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeRead, Workspace));
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, Rg10));
        Assert.Empty(engine.Check(Alice, ComputeRead, Workspace).Reasons);
    }

    [Fact]
    public void A_group_listed_with_its_members_is_decided_as_today()
    {
        var engine = GroupWithoutMembers(new[] { new Group { Id = TeamGroup, Members = new[] { Bob } } });

        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void A_nested_group_without_members_makes_the_outer_groups_assignment_uncertain()
    {
        // Team holds the role; Department is a member of Team, and its own members are not listed.
        var engine = GroupWithoutMembers(new[]
        {
            new Group { Id = TeamGroup, Members = new[] { Bob, DepartmentGroup } },
            new Group { Id = DivisionGroup, Members = new[] { DepartmentGroup } },
        });
        var withTypes = new AccessEvaluator(engine.Tenant with
        {
            Principals = new[] { new Principal { Id = DepartmentGroup, Type = PrincipalType.Group } },
        });

        var decision = withTypes.Check(Alice, ComputeWrite, Workspace);

        Assert.Equal(Outcome.Unknown, decision.Outcome);
        Assert.Equal(DepartmentGroup, decision.DecidingReason!.ViaGroupId);
        Assert.Equal(Outcome.Allowed, withTypes.Decide(Bob, ComputeWrite, Workspace));
        // Without the type, Department is a member like a user: nothing says it has members.
        Assert.Equal(Outcome.NotGranted, engine.Decide(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void Membership_unknown_does_not_turn_a_deny_or_an_allow()
    {
        var reader = Role("Compute reader and writer", Allow(ComputeWrite));
        var engine = new AccessEvaluator(GroupWithoutMembers().Tenant with
        {
            RoleDefinitions = GroupWithoutMembers().Tenant.RoleDefinitions.Append(reader).ToArray(),
            RoleAssignments = GroupWithoutMembers().Tenant.RoleAssignments.Append(Assign(Bob, reader, Workspace)).ToArray(),
            DenyAssignments = new[]
            {
                new DenyAssignment { Id = "deny-1", Name = "no writes", Scope = Workspace, Permissions = new[] { Allow(ComputeWrite) }, Principals = new[] { Alice } },
            },
        });

        Assert.Equal(Outcome.Denied, engine.Decide(Alice, ComputeWrite, Workspace));
        Assert.Equal(Outcome.Allowed, engine.Decide(Bob, ComputeWrite, Workspace));
    }
}
