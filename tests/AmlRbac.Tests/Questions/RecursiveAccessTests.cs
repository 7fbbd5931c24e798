using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>Get-AmlEffectiveAccess -Recurse's engine: where a principal reaches under a scope, resource by resource, and who can there.</summary>
public sealed class RecursiveAccessTests
{
    private const string Registry = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod-shared/providers/Microsoft.MachineLearningServices/registries/mlr-contoso";

    private static IReadOnlyList<PermissionAnswer> Reach(string principal, string scope, EffectiveAccessBy by = EffectiveAccessBy.Activity, string[]? providers = null) =>
        EffectiveAccessQuestion.ForPrincipal(EstateTenant.Evaluator, by, providers: providers, recurse: true).AnswerFor(Subject.PrincipalAt(principal, scope));

    [Fact]
    public void Alice_reaches_both_workspaces_a_compute_and_the_registry_under_the_management_group_and_each_answer_names_its_resource()
    {
        var answers = Reach("alice@contoso.com", EstateTenant.MlManagementGroup);

        // Erin's compute in mlw-dev is a resource too: Alice's grants on the workspace reach it.
        // The catalog's activities are about workspaces: none is listed at the registry.
        Assert.Equal(new[] { Contoso.DevWorkspace, EstateTenant.ErinCompute, Contoso.ProdWorkspace }.Order(StringComparer.OrdinalIgnoreCase),
            answers.Select(a => a.Resource!.Id).Distinct().Order(StringComparer.OrdinalIgnoreCase));
        Assert.All(answers, a => Assert.True(a.Outcome is Outcome.Allowed or Outcome.Conditional or Outcome.Eligible, a.Asked));
        // samples/README.md: data scientists create compute in dev (Compute Operator on mlw-dev), not in prod.
        Assert.Contains(answers, a => a.Resource!.Name == "mlw-dev" && a.Asked == "CreateComputeCluster");
        Assert.DoesNotContain(answers, a => a.Resource!.Name == "mlw-prod" && a.Asked == "CreateComputeCluster");
        Assert.Contains(answers, a => a.Resource!.Name == "mlw-prod" && a.Asked == "SubmitRunV2");
        var registry = Reach("alice@contoso.com", EstateTenant.MlManagementGroup, EffectiveAccessBy.Operation).Where(a => a.Resource!.Id == Registry).ToList();
        Assert.NotEmpty(registry);
        // samples/README.md: ml-all holds AzureML Registry User on the registry, behind the prefix trap, and Reader above it.
        Assert.Equal(new[] { "AzureML Registry User", "Reader" }, registry.Select(a => a.DecidingReason!.RoleName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(registry, a => Assert.Equal("ml-all", a.DecidingReason!.ViaGroupName));
    }

    [Fact]
    public void A_resource_group_scope_stops_at_the_prefix_trap()
    {
        var answers = Reach(EstateTenant.Carol, EstateTenant.ProdRg, EffectiveAccessBy.Operation);

        Assert.NotEmpty(answers);
        // rg-ml-prod-shared starts with the text of rg-ml-prod but is not below it: its registry is not listed.
        Assert.All(answers, a => Assert.Equal(Contoso.ProdWorkspace, a.Resource!.Id));
    }

    [Fact]
    public void A_registry_lists_only_registry_operations_and_those_of_other_providers()
    {
        var answers = Reach(EstateTenant.Carol, EstateTenant.ProdSubscription, EffectiveAccessBy.Operation).Where(a => a.Resource!.Kind == AmlResourceKind.Registry).ToList();

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.StartsWith("Microsoft.MachineLearningServices/registries/", a.Asked, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_deny_assignment_keeps_what_it_blocks_out_of_the_reach_and_is_decided_per_resource()
    {
        var prod = Reach("sp-mlops", EstateTenant.ProdSubscription, EffectiveAccessBy.Operation);
        // The prod deployment stack denies */delete to child scopes (jobs excluded): sp-mlops's Compute Operator deletes no compute in mlw-prod.
        Assert.DoesNotContain(prod, a => a.Resource!.Name == "mlw-prod" && a.Asked == Contoso.ComputeDelete);
        Assert.Contains(prod, a => a.Resource!.Name == "mlw-prod" && a.Asked == Contoso.ComputeWrite);

        // The dev stack's deny is on the resource group only: the dev workspace identity's Contributor still deletes compute in mlw-dev.
        var dev = Reach("a56e87e7-7528-450e-9537-7a555a2c2a19", EstateTenant.DevRg, EffectiveAccessBy.Operation);
        Assert.Contains(dev, a => a.Resource!.Name == "mlw-dev" && a.Asked == Contoso.ComputeDelete);
    }

    [Fact]
    public void A_compute_with_an_assignment_on_it_is_a_resource_of_its_own_with_compute_operations_only()
    {
        var answers = Reach(EstateTenant.Erin, EstateTenant.DevRg, EffectiveAccessBy.Operation);

        var compute = answers.Where(a => a.Resource!.Kind == AmlResourceKind.Compute).ToList();
        Assert.NotEmpty(compute);
        Assert.All(compute, a => Assert.Equal(EstateTenant.ErinCompute, a.Resource!.Id));
        Assert.All(compute, a => Assert.StartsWith("Microsoft.MachineLearningServices/workspaces/computes/", a.Asked, StringComparison.OrdinalIgnoreCase));
        // Compute Operator on her compute alone: she may write it there, but not other computes of the workspace.
        Assert.Contains(compute, a => a.Asked == Contoso.ComputeWrite && a.Outcome == Outcome.Allowed);
        Assert.Equal(Outcome.NotGranted, EstateTenant.Evaluator.Check(EstateTenant.Erin, Contoso.ComputeWrite, Contoso.DevWorkspace).Outcome);
        Assert.DoesNotContain(answers, a => a.Resource!.Kind == AmlResourceKind.Workspace && a.Asked == Contoso.ComputeWrite);
    }

    [Fact]
    public void Sharing_an_evaluation_between_resources_answers_as_the_listing_of_each_resource_does()
    {
        // Carol's Owner on the subscription reaches the workspace and the registry with the same assignments; the deny
        // reaches only the workspace. Each recursive answer is the one the plain listing gives at its resource.
        var recursive = Reach(EstateTenant.Carol, EstateTenant.ProdSubscription, EffectiveAccessBy.Operation);
        foreach (var resource in recursive.Select(a => a.Resource!).DistinctBy(r => r.Id))
        {
            var plain = EstateTenant.Evaluator.EffectiveAccess(EstateTenant.Carol, resource.Id, new[] { EffectiveAccessQuestion.DefaultProvider })
                .Where(d => d.Outcome is Outcome.Allowed or Outcome.Conditional or Outcome.Eligible && resource.IsTargetOf(d.Action));
            Assert.Equal(plain.Select(d => (d.Action, d.Outcome, d.Scope, d.Reasons.Count)),
                recursive.Where(a => a.Resource!.Id == resource.Id).Select(a => (a.Operation!.Action, a.Outcome, a.Operation.Scope, a.Operation.Reasons.Count)));
        }
    }

    [Fact]
    public void Eligible_and_conditional_access_is_part_of_the_reach()
    {
        var frank = Reach("frank@contoso.com", EstateTenant.MlManagementGroup, EffectiveAccessBy.Operation);
        Assert.Contains(frank, a => a.Resource!.Name == "mlw-prod" && a.Asked == Contoso.ComputeWrite && a.Outcome == Outcome.Eligible);

        var dave = Reach("dave@contoso.com", EstateTenant.MlManagementGroup, EffectiveAccessBy.Operation, new[] { "Microsoft.Authorization" });
        Assert.Contains(dave, a => a.Resource!.Name == "mlw-prod" && a.Asked == "Microsoft.Authorization/roleAssignments/write" && a.Outcome == Outcome.Conditional);
    }

    [Fact]
    public void Who_can_recursively_lists_holders_per_resource_and_skips_resources_the_operation_does_not_act_on()
    {
        var answers = EffectiveAccessQuestion.WhoCan(EstateTenant.Evaluator, new[] { Contoso.ComputeWrite }, recurse: true)
            .AnswerFor(Subject.At(EstateTenant.MlManagementGroup));

        Assert.DoesNotContain(answers, a => a.Resource!.Kind == AmlResourceKind.Registry);
        Assert.Contains(answers, a => a.Resource!.Name == "mlw-prod" && a.PrincipalName == "Frank Nguyen" && a.Outcome == Outcome.Eligible);
        Assert.Contains(answers, a => a.Resource!.Name == "mlw-dev" && a.PrincipalName == "Alice Chen");
        Assert.DoesNotContain(answers, a => a.Resource!.Name == "mlw-prod" && a.PrincipalName == "Alice Chen");
    }

    [Fact]
    public void A_role_alone_with_recurse_is_ParameterCombinationInvalid()
    {
        var question = EffectiveAccessQuestion.ForPrincipal(EstateTenant.Evaluator, EffectiveAccessBy.Operation, recurse: true);

        var error = Assert.Throws<AmlRbacException>(() => question.AnswerFor(Subject.ForRoleName("Reader")));
        Assert.Equal(ErrorIds.ParameterCombinationInvalid, error.ErrorId);
        Assert.Contains("Reader", error.Message);
    }

    [Fact]
    public void A_principal_with_nothing_under_the_scope_reaches_nothing()
    {
        Assert.Empty(Reach("alice@contoso.com", EstateTenant.ProdRg + "-nothing-here"));
    }
}
