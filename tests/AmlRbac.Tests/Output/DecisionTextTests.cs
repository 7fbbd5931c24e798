using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Output;

/// <summary>Each reason becomes one plain sentence naming what did it: role, scope, group, pattern.</summary>
public sealed class DecisionTextTests
{
    [Fact]
    public void Grant_names_role_scope_group_and_pattern()
    {
        var sentence = Assert.Single(DecisionText.Explain(Samples.Check(Outcome.Allowed, Samples.Grant)));

        Assert.Equal(
            $"Granted by role 'AzureML Compute Operator' at {Samples.DevWorkspace} through group 'ml-data-scientists' " +
            "(pattern Microsoft.MachineLearningServices/workspaces/computes/*).",
            sentence);
    }

    [Fact]
    public void Direct_grant_names_no_group()
    {
        var direct = Samples.Grant with { ViaGroupId = null, ViaGroupName = null };

        var sentence = Assert.Single(DecisionText.Explain(Samples.Check(Outcome.Allowed, direct)));

        Assert.DoesNotContain("group", sentence);
    }

    [Fact]
    public void Group_without_a_name_is_named_by_id()
    {
        var unnamed = Samples.Grant with { ViaGroupName = null };

        Assert.Contains("through group '5a95c1c1-0507-470d-ac29-fc08dcb97738'", DecisionText.Explain(Samples.Check(Outcome.Allowed, unnamed))[0]);
    }

    [Fact]
    public void NotActions_removal_then_suggestions_narrowest_first()
    {
        var sentences = DecisionText.Explain(Samples.Check(Outcome.NotGranted, Samples.Excluded));

        Assert.Equal(new[]
        {
            "Removed by NotActions 'Microsoft.MachineLearningServices/workspaces/computes/*/write' of role 'AzureML Data Scientist' " +
            $"at {Samples.DevGroup} through group 'ml-data-scientists'.",
            "Would be granted by: AzureML Compute Operator, Contributor, Owner (narrowest first).",
        }, sentences);
    }

    [Fact]
    public void Data_action_removal_says_NotDataActions()
    {
        var decision = Samples.Check(Outcome.NotGranted, Samples.Excluded) with { IsDataAction = true };

        Assert.StartsWith("Removed by NotDataActions ", DecisionText.Explain(decision)[0]);
    }

    [Fact]
    public void Deny_names_the_deny_assignment_and_gives_no_suggestion()
    {
        var sentences = DecisionText.Explain(Samples.Check(Outcome.Denied, Samples.Deny, Samples.Grant));

        Assert.Equal(
            $"Blocked by deny assignment 'protect-dev-compute' at {Samples.DevGroup} (pattern Microsoft.MachineLearningServices/workspaces/computes/delete).",
            sentences[0]);
        Assert.DoesNotContain(sentences, s => s.StartsWith("Would be granted", StringComparison.Ordinal));
    }

    [Fact]
    public void Conditional_grant_quotes_the_condition()
    {
        var conditional = Samples.Grant with { Kind = ReasonKind.ConditionalGrant, Condition = "@Resource[x] StringEquals 'y'" };

        var sentence = DecisionText.Explain(Samples.Check(Outcome.Conditional, conditional))[0];

        Assert.StartsWith("Granted by role 'AzureML Compute Operator'", sentence);
        Assert.Contains("only when its condition holds", sentence);
        Assert.EndsWith("@Resource[x] StringEquals 'y'", sentence);
    }

    [Fact]
    public void Eligible_grant_says_it_needs_activation()
    {
        var eligible = Samples.Grant with { Kind = ReasonKind.EligibleGrant };

        Assert.Contains("once the PIM eligible assignment is activated", DecisionText.Explain(Samples.Check(Outcome.Eligible, eligible))[0]);
    }

    [Fact]
    public void Unresolved_role_names_the_missing_definition()
    {
        var unresolved = new Reason { Kind = ReasonKind.UnresolvedRole, AssignmentId = "a1", RoleDefinitionId = "0000-dead", Scope = Samples.DevGroup };

        var sentence = DecisionText.Explain(Samples.Check(Outcome.NotGranted, unresolved))[0];

        Assert.Contains("'a1'", sentence);
        Assert.Contains("'0000-dead'", sentence);
    }

    [Fact]
    public void Unresolved_role_says_what_to_give()
    {
        var unresolved = new Reason { Kind = ReasonKind.UnresolvedRole, AssignmentId = "a1", RoleDefinitionId = "0000-dead", Scope = Samples.DevGroup };

        var sentence = DecisionText.Explain(Samples.Check(Outcome.Unknown, unresolved))[0];

        Assert.Contains("Get-AzRoleDefinition", sentence);
        Assert.Contains("export the snapshot again", sentence);
    }

    [Fact]
    public void Unknown_membership_names_the_group_and_the_assignment_and_what_to_give()
    {
        var maybe = new Reason { Kind = ReasonKind.MembershipUnknown, AssignmentId = "a2", RoleName = "Owner", Scope = Samples.DevGroup, ViaGroupId = "9a000000-0000-4000-8000-000000000010" };

        var sentence = DecisionText.Explain(Samples.Check(Outcome.Unknown, maybe))[0];

        Assert.Contains("'a2'", sentence);
        Assert.Contains("'9a000000-0000-4000-8000-000000000010'", sentence);
        Assert.Contains("whose members the source does not hold", sentence);
        Assert.Contains("Export-AmlRbacSnapshot", sentence);
    }

    [Fact]
    public void An_operation_checked_elsewhere_says_where_and_still_that_nothing_grants_it()
    {
        // Quota is checked at the subscription ([MLROLES] "Common scenarios": "Not authorized" at resource group and workspace scope).
        const string subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
        var checkedThere = Samples.Check(Outcome.NotGranted) with
        {
            Scope = subscription,
            Reasons = new[] { new Reason { Kind = ReasonKind.CheckedElsewhere, CheckedAt = "Subscription", Scope = subscription } },
        };

        var sentences = DecisionText.Explain(checkedThere);

        Assert.Contains($"No role assignment of the principal or its groups at {subscription} or above grants {Samples.ComputeWrite}.", sentences);
        Assert.Contains($"Checked at the subscription {subscription}: Azure checks this operation there, not at the scope asked.", sentences);
    }

    [Fact]
    public void A_related_resource_not_named_says_which_kind_and_option_to_give()
    {
        var unknown = Samples.Check(Outcome.Unknown) with
        {
            Reasons = new[] { new Reason { Kind = ReasonKind.RelatedResourceNotNamed, CheckedAt = "VirtualNetwork" } },
        };

        var sentence = DecisionText.Explain(unknown)[0];

        Assert.Contains("Checked on the virtual network, which the question does not name", sentence);
        Assert.Contains("name the virtual network with --related-resource/-RelatedResource", sentence);
    }

    [Fact]
    public void Nothing_granted_says_so_for_a_principal_and_for_a_role()
    {
        var principal = Samples.Check(Outcome.NotGranted);
        var role = principal with { PrincipalId = null, Scope = null, RoleName = "Reader" };

        Assert.Equal($"No role assignment of the principal or its groups at {Samples.DevWorkspace} or above grants {Samples.ComputeWrite}.", DecisionText.Explain(principal)[0]);
        Assert.Equal($"Role 'Reader' does not grant {Samples.ComputeWrite}.", DecisionText.Explain(role)[0]);
    }

    [Fact]
    public void Role_alone_grant_has_no_scope()
    {
        var roleGrant = Samples.Grant with { Scope = null, ViaGroupId = null, ViaGroupName = null, AssignmentId = null };

        Assert.Equal("Granted by role 'AzureML Compute Operator' (pattern Microsoft.MachineLearningServices/workspaces/computes/*).",
            DecisionText.Explain(Samples.Check(Outcome.Allowed, roleGrant))[0]);
    }

    [Fact]
    public void Many_suggestions_are_cut_to_five_with_a_count()
    {
        var many = Enumerable.Range(1, 8).Select(i => new RoleSuggestion($"id{i}", $"Role {i}", i)).ToArray();

        var sentence = DecisionText.Explain(Samples.Check(Outcome.NotGranted) with { WouldBeGrantedBy = many })[^1];

        Assert.Equal("Would be granted by: Role 1, Role 2, Role 3, Role 4, Role 5 and 3 more (narrowest first).", sentence);
    }

    [Fact]
    public void Activity_names_the_missing_operations_and_why()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var activity = new Activity
        {
            Name = "CreateCompute",
            DisplayName = "Create a compute",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/read", Samples.ComputeWrite },
            Source = "test",
        };

        var sentences = DecisionText.Explain(evaluator.CheckRoleActivity(evaluator.GetRole("AzureML Data Scientist"), activity));

        Assert.Equal($"1 of 2 required operations is not allowed: {Samples.ComputeWrite} (NotGranted).", sentences[0]);
        Assert.StartsWith($"{Samples.ComputeWrite}: Removed by NotActions ", sentences[1]);
        Assert.StartsWith("Would be granted by: AzureML Compute Operator", sentences[^1]);
    }

    [Fact]
    public void Allowed_activity_names_what_granted_it_once()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var activity = new Activity
        {
            Name = "ReadCompute",
            DisplayName = "Read computes",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/read", "Microsoft.MachineLearningServices/workspaces/computes/read" },
            Source = "test",
        };

        var sentences = DecisionText.Explain(evaluator.CheckRoleActivity(evaluator.GetRole("Reader"), activity));

        Assert.Equal(new[] { "All 2 required operations are allowed.", "Granted by role 'Reader'." }, sentences);
    }
}
