using Xunit;

using AmlRbac.Model;
using AmlRbac.Posture;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Posture;

/// <summary>The posture question on the sample tenant: the workspaces under a scope, and who can change each setting where it lives.</summary>
public sealed class PostureQuestionTests
{
    private const string DevGroup = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev";
    private const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";

    private static PostureReport Ask(string scope, params string[] rules) =>
        new PostureQuestion(new AccessEvaluator(SampleTenant.Load()), rules).AnswerFor(Subject.At(scope));

    [Fact]
    public void Only_the_workspaces_under_the_scope_are_checked()
    {
        var report = Ask(DevGroup);

        Assert.Equal(new[] { "mlw-dev" }, report.Workspaces.Select(w => w.Name));
        Assert.True(report.FailsAtError);
        Assert.False(Ask(Prod).FailsAtError);
    }

    [Fact]
    public void Who_can_change_the_identity_role_is_asked_at_the_resource_group()
    {
        var rule = Assert.Single(Assert.Single(Ask(Prod, "AMLP006").Workspaces).Rules);

        Assert.Equal(PostureResult.Pass, rule.Result);
        // Carol Diaz is Owner of the prod subscription; Frank Nguyen is eligible for it (samples/README.md).
        Assert.Contains(rule.CanChange, h => h.DisplayName == "Carol Diaz" && h.Decision.Outcome == Outcome.Allowed);
        Assert.Contains(rule.CanChange, h => h.DisplayName == "Frank Nguyen" && h.Decision.Outcome == Outcome.Eligible);
        // The workspace's own identity holds Azure AI Administrator, which writes the workspace but grants no roles.
        Assert.DoesNotContain(rule.CanChange, h => h.DisplayName == "mlw-prod");
        Assert.Contains(Assert.Single(Assert.Single(Ask(Prod, "AMLP002").Workspaces).Rules).CanChange, h => h.DisplayName == "mlw-prod");
    }

    [Fact]
    public void A_scope_alone_is_asked_about()
    {
        var question = new PostureQuestion(new AccessEvaluator(SampleTenant.Load()));

        Assert.Throws<ArgumentException>(() => question.AnswerFor(Subject.PrincipalAt("alice@contoso.com", Prod)));
        Assert.Equal(ErrorIds.ScopeInvalid, Assert.Throws<AmlRbacException>(() => question.AnswerFor(Subject.At("nope"))).ErrorId);
        Assert.Empty(question.Warnings);
    }
}
