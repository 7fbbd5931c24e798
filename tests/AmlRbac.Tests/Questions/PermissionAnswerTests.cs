using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Questions;

/// <summary>What an answer derives for tables: the deciding operation and reason, and the roles that would grant it.</summary>
public sealed class PermissionAnswerTests
{
    private const string Ml = "Microsoft.MachineLearningServices/";

    private static RoleDefinition Role(params string[] actions) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        Name = "Test role",
        IsCustom = true,
        Permissions = new[] { new Permission { Actions = actions } },
    };

    private static readonly Activity TwoOperations = new()
    {
        Name = "StartAndCreateCompute",
        DisplayName = "Start and create compute",
        Actions = new[] { Ml + "workspaces/computes/start/action", Ml + "workspaces/computes/write" },
        Source = "test",
    };

    [Fact]
    public void An_activity_is_settled_by_its_first_operation_with_the_activitys_outcome()
    {
        var decision = new AccessEvaluator(Tenant.Empty).CheckRoleActivity(Role(Ml + "workspaces/computes/start/action"), TwoOperations);

        var answer = PermissionAnswer.ForActivity(decision);

        Assert.Equal(Outcome.NotGranted, answer.Outcome);
        Assert.Equal(Ml + "workspaces/computes/write", answer.DecidingOperation!.Action);
    }

    [Fact]
    public void An_activity_would_be_granted_by_the_roles_that_grant_all_its_missing_operations()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);

        var answer = PermissionAnswer.ForActivity(evaluator.CheckRoleActivity(Role("*/read"), TwoOperations));
        var suggested = answer.WouldBeGrantedBy.Select(s => s.RoleName).ToList();

        Assert.Contains("AzureML Compute Operator", suggested);
        Assert.Contains("Contributor", suggested);
        // Each suggestion grants both operations by itself.
        foreach (var name in suggested)
        {
            Assert.Equal(Outcome.Allowed, evaluator.CheckRoleActivity(AmlCatalog.Default.FindRole(name)!, TwoOperations).Outcome);
        }
    }

    [Fact]
    public void An_allowed_activity_suggests_nothing_and_is_settled_by_a_grant()
    {
        var answer = PermissionAnswer.ForActivity(new AccessEvaluator(Tenant.Empty).CheckRoleActivity(Role(Ml + "workspaces/computes/*"), TwoOperations));

        Assert.Equal(Outcome.Allowed, answer.Outcome);
        Assert.Empty(answer.WouldBeGrantedBy);
        Assert.Equal(ReasonKind.Grant, answer.DecidingReason!.Kind);
    }
}
