using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Questions;

/// <summary>Issue #13 section 3: a scope a snapshot lists nothing at is warned about; piped objects and the empty tenant are not.</summary>
public sealed class ScopeWarningsTests
{
    private const string Dev = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
    private const string Typo = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dve";

    [Theory]
    [InlineData(Typo)]
    [InlineData("/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dve")]
    [InlineData("/subscriptions/00000000-1111-4111-8111-000000000000")]
    [InlineData("/providers/Microsoft.Management/managementGroups/contoso-nl")]
    public void A_scope_the_sample_lists_nothing_at_is_warned_about(string scope)
    {
        var warning = Assert.Single(ScopeWarnings.For(SampleTenant.Load(), scope));

        Assert.Contains($"'{scope}'", warning);
        Assert.Contains("follows Azure's rules", warning);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Dev)]
    [InlineData(Dev + "/onlineEndpoints/ep1/deployments/blue")]
    [InlineData("/subscriptions/099041be-6a92-430e-9f47-32340e216c45")]
    [InlineData("not a scope")]
    [InlineData(null)]
    public void A_scope_the_sample_holds_implies_or_cannot_tell_gets_none(string? scope)
    {
        Assert.Empty(ScopeWarnings.For(SampleTenant.Load(), scope));
    }

    [Fact]
    public void A_management_group_places_its_subscriptions()
    {
        var tenant = new Tenant
        {
            IsInventory = true,
            ManagementGroups = new[] { new ManagementGroup { Id = "ml", Subscriptions = new[] { "22222222-2222-4222-8222-222222222222" } } },
        };

        Assert.Empty(ScopeWarnings.For(tenant, "/subscriptions/22222222-2222-4222-8222-222222222222"));
        Assert.Single(ScopeWarnings.For(tenant, "/subscriptions/33333333-3333-4333-8333-333333333333"));
    }

    [Fact]
    public void Piped_objects_and_the_empty_tenant_get_no_warning()
    {
        var piped = SampleTenant.Load() with { IsInventory = false };

        Assert.Empty(ScopeWarnings.For(piped, Typo));
        Assert.Empty(ScopeWarnings.For(Tenant.Empty, Typo));
        Assert.False(new PipelineTenant().ToTenant().IsInventory);
    }

    [Fact]
    public void A_permission_question_warns_for_a_principal_subject_and_not_for_a_role()
    {
        var question = new PermissionQuestion(new AccessEvaluator(SampleTenant.Load()), new[] { "Microsoft.MachineLearningServices/workspaces/read" }, null);

        Assert.Single(question.WarningsFor(Subject.PrincipalAt("alice@contoso.com", Typo)));
        Assert.Empty(question.WarningsFor(Subject.ForRoleName("Reader")));
        Assert.Single(EffectiveAccessQuestion.WhoCan(new AccessEvaluator(SampleTenant.Load()), new[] { "Microsoft.MachineLearningServices/workspaces/read" }).WarningsFor(Subject.At(Typo)));
    }
}
