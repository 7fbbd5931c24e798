using Xunit;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// What the cmdlets write: AmlPermissionDecision (its columns come from the deciding reason) and
/// AmlRoleDefinition (Az's PSRoleDefinition property names). These classes use nothing of PowerShell,
/// so they run here.
/// </summary>
public sealed class OutputTests
{
    private static AmlPermissionDecision Decide(string principal, string scope, string? action = null, string? activity = null) =>
        AmlPermissionDecision.From(new PermissionQuestion(Contoso.Evaluator, action is null ? null : new[] { action }, activity is null ? null : new[] { activity })
            .AnswerFor(Subject.PrincipalAt(principal, scope)).Single());

    [Fact]
    public void An_operation_shows_the_role_scope_and_group_that_granted_it()
    {
        var decision = Decide(Contoso.Alice, Contoso.DevWorkspace, Contoso.ComputeWrite);

        Assert.Equal(("Allowed", Contoso.ComputeWrite, (string?)null), (decision.Decision, decision.Action, decision.Activity));
        Assert.Equal((Contoso.Alice, "Alice Chen"), (decision.PrincipalId, decision.PrincipalName));
        Assert.Equal(("AzureML Compute Operator", Contoso.DevWorkspace, "ml-data-scientists"), (decision.GrantedBy, decision.GrantScope, decision.ViaGroup));
        Assert.Equal(Contoso.DevWorkspace, decision.Scope);
        Assert.NotEmpty(decision.Reasons);
        Assert.NotEmpty(decision.Explanation);
        Assert.Empty(decision.WouldBeGrantedBy);
        Assert.Empty(decision.Operations);
    }

    [Fact]
    public void A_denied_operation_shows_the_deny_assignment()
    {
        var decision = Decide(Contoso.SpMlops, Contoso.ProdWorkspace, Contoso.ComputeDelete);

        Assert.Equal("Denied", decision.Decision);
        Assert.Equal("Deny delete: deployment stack ml-prod-platform", decision.GrantedBy);
        Assert.Empty(decision.WouldBeGrantedBy); // no role assignment gets past a deny
    }

    [Fact]
    public void An_activity_lists_its_operations_and_what_is_missing()
    {
        var decision = Decide(Contoso.Alice, Contoso.ProdWorkspace, activity: "CreateComputeCluster");

        Assert.Equal(("CreateComputeCluster", (string?)null, "NotGranted"), (decision.Activity, decision.Action, decision.Decision));
        Assert.Equal(new[] { Contoso.ComputeWrite }, decision.MissingActions);
        Assert.Equal(Contoso.ComputeWrite, Assert.Single(decision.Operations).Action);
        Assert.Equal("AzureML Data Scientist", decision.GrantedBy); // its NotActions removed computes/write
        Assert.Contains("AzureML Compute Operator", decision.WouldBeGrantedBy);
        Assert.NotEmpty(decision.Explanation);
    }

    [Fact]
    public void A_who_can_answer_carries_the_principal_type()
    {
        var answer = EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { Contoso.ComputeWrite }).AnswerFor(Subject.At(Contoso.DevWorkspace))
            .First(a => a.Operation!.PrincipalId == Contoso.Alice);

        Assert.Equal("User", AmlPermissionDecision.From(answer).PrincipalType);
    }

    private static CustomRoleResult ComputeStarter(RoleShape shape) => new CustomRoleRequest
    {
        Builder = new RoleBuilder
        {
            Name = "Compute Starter",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/computes/start/action" },
            AssignableScopes = new[] { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45" },
        },
        Shape = shape,
    }.Execute();

    [Fact]
    public void A_role_definition_has_the_property_names_of_Az_and_its_evidence()
    {
        Assert.Equal(
            new[]
            {
                "Name", "Id", "IsCustom", "Description", "Actions", "NotActions", "DataActions", "NotDataActions", "Permissions", "AssignableScopes",
                "Shape", "Findings", "Comparison", "Compaction", "OutFile",
            },
            typeof(AmlRoleDefinition).GetProperties().Select(p => p.Name));
        Assert.Equal(
            new[] { "Actions", "NotActions", "DataActions", "NotDataActions", "Condition", "ConditionVersion" },
            typeof(AmlPermission).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public void The_Permissions_shape_fills_Permissions_and_leaves_the_flat_lists_null()
    {
        var result = ComputeStarter(RoleShape.Permissions);

        var written = AmlRoleDefinition.From(result);

        Assert.Equal((result.Role.Name, result.Role.Id, true, "Permissions"), (written.Name, written.Id, written.IsCustom, written.Shape));
        Assert.Equal(result.Role.Permissions[0].Actions, Assert.Single(written.Permissions!).Actions);
        Assert.Null(written.Actions);
        Assert.Equal(result.Role.AssignableScopes, written.AssignableScopes);
    }

    [Fact]
    public void The_Flat_shape_fills_the_flat_lists_and_leaves_Permissions_null()
    {
        var result = ComputeStarter(RoleShape.Flat);

        var written = AmlRoleDefinition.From(result);

        Assert.Equal("Flat", written.Shape);
        Assert.Equal(result.Role.Permissions[0].Actions, written.Actions);
        Assert.Empty(written.NotActions!);
        Assert.Null(written.Permissions);
    }

    [Theory]
    [InlineData(RoleShape.Permissions)]
    [InlineData(RoleShape.Flat)]
    public void The_object_pipes_back_in_as_a_role_definition(RoleShape shape)
    {
        var written = AmlRoleDefinition.From(ComputeStarter(shape));
        var properties = typeof(AmlRoleDefinition).GetProperties().ToDictionary(p => p.Name, p => p.GetValue(written));

        var read = RoleInput.FromProperties(properties, "input object 1 (AmlRoleDefinition)");

        Assert.Equal(written.Id, read.Id);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/computes/start/action" }, Assert.Single(read.Permissions).Actions);
    }

    [Fact]
    public void The_decision_property_names_are_stable()
    {
        Assert.Equal(
            new[]
            {
                "PrincipalId", "PrincipalName", "PrincipalType", "RoleName", "Action", "Activity", "Scope", "IsDataAction", "Decision",
                "GrantedBy", "GrantScope", "ViaGroup", "Condition", "Reasons", "WouldBeGrantedBy", "Explanation", "Operations", "MissingActions",
                "Model", "RbacDecision", "PolicyDecision", "DecidedBy", "PolicyReasons", "Resource", "ResourceKind", "ResourceName",
            },
            typeof(AmlPermissionDecision).GetProperties().Select(p => p.Name));
    }
}
