using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Tests.PowerShell;
using AmlRbac.Tests.Rbac;

namespace AmlRbac.Tests.Questions;

/// <summary>Test-AmlPermission's engine: names checked once, then one answer per operation and activity for each subject.</summary>
public sealed class PermissionQuestionTests
{
    private static PermissionQuestion Question(string[]? actions = null, string[]? activities = null, bool isDataAction = false) =>
        new(Contoso.Evaluator, actions, activities, isDataAction);

    [Fact]
    public void Answers_each_operation_then_each_activity_for_a_principal()
    {
        var answers = Question(new[] { Contoso.ComputeWrite, Contoso.ComputeDelete }, new[] { "CreateComputeCluster" })
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.DevWorkspace));

        Assert.Equal(new[] { Contoso.ComputeWrite, Contoso.ComputeDelete, null }, answers.Select(a => a.Operation?.Action));
        Assert.Equal("CreateComputeCluster", answers[2].Activity!.Activity.Name);
        Assert.All(answers, a => Assert.Equal("Alice Chen", a.PrincipalName));
        Assert.Equal(Outcome.Allowed, answers[0].Outcome);
    }

    [Fact]
    public void A_principal_may_be_named_as_the_source_names_it()
    {
        var byName = Question(new[] { Contoso.ComputeWrite }).AnswerFor(Subject.PrincipalAt("alice@contoso.com", Contoso.DevWorkspace));

        Assert.Equal(Contoso.Alice, Assert.Single(byName).Operation!.PrincipalId);
    }

    [Fact]
    public void Answers_for_a_role_by_name_and_by_definition()
    {
        var question = Question(new[] { Contoso.ComputeWrite });
        var role = Contoso.Evaluator.GetRole("AzureML Data Scientist");

        var byName = Assert.Single(question.AnswerFor(Subject.ForRoleName("AzureML Data Scientist")));
        var byDefinition = Assert.Single(question.AnswerFor(Subject.ForRole(role)));

        Assert.Equal((Outcome.NotGranted, "AzureML Data Scientist"), (byName.Outcome, byName.Operation!.RoleName));
        Assert.Equal(Outcome.NotGranted, byDefinition.Outcome);
        Assert.Null(byName.PrincipalName);
    }

    [Fact]
    public void A_role_object_is_read_from_its_properties()
    {
        var subject = Subject.ForRoleObject(new Dictionary<string, object?>
        {
            ["Name"] = "Compute Creator",
            ["Id"] = "11111111-2222-3333-4444-555555555555",
            ["IsCustom"] = true,
            ["Actions"] = new List<string> { "Microsoft.MachineLearningServices/workspaces/computes/*" },
            ["AssignableScopes"] = new List<string> { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45" },
        }, "-RoleDefinition");

        Assert.Equal(Outcome.Allowed, Assert.Single(Question(new[] { Contoso.ComputeWrite }).AnswerFor(subject)).Outcome);
    }

    [Fact]
    public void A_role_object_that_is_something_else_is_RoleDefinitionInvalid()
    {
        var assignment = new Dictionary<string, object?>
        {
            ["RoleAssignmentId"] = "ra1",
            ["Scope"] = Contoso.DevWorkspace,
            ["RoleDefinitionId"] = Contoso.ComputeOperator,
            ["ObjectId"] = Contoso.Alice,
        };

        var error = Assert.Throws<AmlRbacException>(() => Subject.ForRoleObject(assignment, "-RoleDefinition"));

        Assert.Equal(ErrorIds.RoleDefinitionInvalid, error.ErrorId);
    }

    [Theory]
    [InlineData(ErrorIds.ActionUnknown, "Microsoft.MachineLearningServices/workspaces/computes/wirte", null)]
    [InlineData(ErrorIds.ActionInvalid, "Microsoft.MachineLearningServices/workspaces/computes/*", null)]
    [InlineData(ErrorIds.ActivityUnknown, null, "NoSuchActivity")]
    public void Bad_names_fail_when_the_question_is_made(string errorId, string? action, string? activity)
    {
        var error = Assert.Throws<AmlRbacException>(() => Question(action is null ? null : new[] { action }, activity is null ? null : new[] { activity }));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void An_empty_question_is_refused_as_bad_input()
    {
        var error = Assert.Throws<AmlRbacException>(() => Question());
        Assert.Equal(ErrorIds.ActionMissing, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
    }

    [Theory]
    [InlineData(ErrorIds.ScopeInvalid, Contoso.Alice, "not-a-scope")]
    [InlineData(ErrorIds.PrincipalNotFound, "nobody@contoso.com", Contoso.DevWorkspace)]
    public void A_subject_the_source_cannot_answer_for_fails(string errorId, string principal, string scope)
    {
        var error = Assert.Throws<AmlRbacException>(() => Question(new[] { Contoso.ComputeWrite }).AnswerFor(Subject.PrincipalAt(principal, scope)));

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void An_unknown_role_name_is_RoleNotFound()
    {
        var error = Assert.Throws<AmlRbacException>(() => Question(new[] { Contoso.ComputeWrite }).AnswerFor(Subject.ForRoleName("No Such Role")));

        Assert.Equal(ErrorIds.RoleNotFound, error.ErrorId);
    }

    [Fact]
    public void Data_actions_outside_the_catalog_are_decided_as_data_actions()
    {
        const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";

        var answer = Assert.Single(Question(new[] { BlobRead }, isDataAction: true).AnswerFor(Subject.ForRoleName("Storage Blob Data Reader")));

        Assert.True(answer.Operation!.IsDataAction);
        Assert.Equal(Outcome.Allowed, answer.Outcome);
    }

    [Fact]
    public void The_yes_no_answer_is_yes_only_when_every_answer_is_allowed()
    {
        var allowed = Question(new[] { Contoso.ComputeWrite }).AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.DevWorkspace));
        var mixed = Question(new[] { Contoso.ComputeWrite }).AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace))
            .Concat(allowed).ToList();

        Assert.True(PermissionAnswer.AllAllowed(allowed));
        Assert.False(PermissionAnswer.AllAllowed(mixed));
        Assert.False(PermissionAnswer.AllAllowed(Array.Empty<PermissionAnswer>()));
    }
}
