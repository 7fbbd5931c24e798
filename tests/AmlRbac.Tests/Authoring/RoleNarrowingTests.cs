using Xunit;

using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// The role narrowed to what was used keeps what the activity log cannot see (reads, data actions) and nothing else of
/// the role's writes; the evaluator, asked independently, says what it grants.
/// </summary>
public sealed class RoleNarrowingTests
{
    private const string Computes = "Microsoft.MachineLearningServices/workspaces/computes";
    private const string Workspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private static RoleDefinition Role(params Permission[] blocks) => new() { Id = "0b0b7c52-1d4e-4a57-9a51-6b1e3c2f7a10", Name = "Compute Admin", IsCustom = true, Permissions = blocks };

    private static RoleDefinition? Narrow(RoleDefinition role, out string? whyNot, params string[] used) =>
        RoleNarrowing.Build(role, used, "Compute Admin (used)", "test", Workspace, "5c1d7f1e-2b8a-4c6d-9e0f-7a3b2c1d0e9f", out whyNot);

    [Fact]
    public void A_wildcard_gives_its_reads_and_the_used_operations_only()
    {
        var role = Role(new Permission { Actions = new[] { Computes + "/*" }, DataActions = new[] { "Microsoft.MachineLearningServices/workspaces/*" } });

        var narrowed = Narrow(role, out var whyNot, Computes + "/start/action")!;

        Assert.Null(whyNot);
        Assert.Equal(new[] { Computes + "/start/action", Computes + "/*/read", Computes + "/read" }, narrowed.Permissions[0].Actions);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/*" }, narrowed.Permissions[0].DataActions);
        var evaluator = new AccessEvaluator(Tenant.Empty);
        Assert.Equal(Outcome.Allowed, evaluator.CheckRole(narrowed, Computes + "/read").Outcome);
        Assert.Equal(Outcome.Allowed, evaluator.CheckRole(narrowed, Computes + "/start/action").Outcome);
        Assert.Equal(Outcome.NotGranted, evaluator.CheckRole(narrowed, Computes + "/write").Outcome);
        Assert.Equal(Outcome.NotGranted, evaluator.CheckRole(narrowed, Computes + "/stop/action").Outcome);
        Assert.True(RoleComparison.Compare(evaluator, narrowed, role).GrantsNoMore);
    }

    [Fact]
    public void Everything_gives_every_read_and_keeps_the_NotActions()
    {
        var role = Role(new Permission { Actions = new[] { "*" }, NotActions = new[] { "Microsoft.Authorization/*/Write" } });

        var narrowed = Narrow(role, out _, Computes + "/write")!;

        Assert.Equal(new[] { Computes + "/write", "*/read" }, narrowed.Permissions[0].Actions);
        Assert.Equal(new[] { "Microsoft.Authorization/*/Write" }, narrowed.Permissions[0].NotActions);
        Assert.Equal(new[] { Workspace }, narrowed.AssignableScopes);
    }

    [Fact]
    public void A_role_of_several_blocks_or_a_conditional_block_is_not_narrowed()
    {
        var twoBlocks = Role(new Permission { Actions = new[] { Computes + "/*" } }, new Permission { Actions = new[] { "*/read" } });
        var conditional = Role(new Permission { Actions = new[] { Computes + "/*" }, Condition = "@Resource[x] StringEquals 'y'", ConditionVersion = "2.0" });

        Assert.Null(Narrow(twoBlocks, out var severalBlocks, Computes + "/write"));
        Assert.Contains("2 permission blocks", severalBlocks);
        Assert.Null(Narrow(conditional, out var withCondition, Computes + "/write"));
        Assert.Contains("condition", withCondition);
    }

    [Theory]
    [InlineData("Microsoft.MachineLearningServices/workspaces/*/read", true)]
    [InlineData("Microsoft.MachineLearningServices/*", true)]
    [InlineData("*", true)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/*/action", false)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/computes/write", false)]
    public void Which_entries_may_grant_reads(string entry, bool mayGrantReads) =>
        Assert.Equal(mayGrantReads, RoleNarrowing.MayGrantReads(entry));
}
