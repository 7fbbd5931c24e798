using Xunit;

using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>Get-AmlAccessEstate's engine on the sample tenant with the findings of a real estate added (EstateTenant).</summary>
public sealed class AccessEstateQuestionTests
{
    private const string RoleAssignmentWrite = "Microsoft.Authorization/roleAssignments/write";

    private static readonly AccessEstate Estate = new AccessEstateQuestion(EstateTenant.Evaluator).AnswerFor(Subject.At(EstateTenant.MlManagementGroup));

    [Fact]
    public void Lists_the_workspaces_registry_and_compute_under_the_scope()
    {
        Assert.Equal(new[] { AmlResourceKind.Workspace, AmlResourceKind.Compute, AmlResourceKind.Registry, AmlResourceKind.Workspace },
            Estate.Resources.Select(r => r.Kind));
        Assert.Equal(new[] { "mlw-dev", "ci-erin", "mlr-contoso", "mlw-prod" }, Estate.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Role_assignment_write_is_held_by_Carol_Dave_under_a_condition_and_Frank_when_he_activates()
    {
        var holders = Estate.Privileged.Where(h => h.Operation.Operation == RoleAssignmentWrite)
            .Select(h => (h.Answer.PrincipalName, h.Answer.Outcome, h.Scope)).ToList();

        Assert.Contains(("Carol Diaz", Outcome.Allowed, EstateTenant.ProdSubscription), holders);
        Assert.Contains(("Carol Diaz", Outcome.Allowed, EstateTenant.ProdRg), holders);
        Assert.Contains(("Dave Kim", Outcome.Conditional, Contoso.ProdWorkspace), holders);
        Assert.Contains(("Frank Nguyen", Outcome.Eligible, EstateTenant.ProdRg), holders);
        Assert.DoesNotContain(holders, h => h.PrincipalName is "Alice Chen" or "Bob Okafor");
    }

    [Fact]
    public void An_assignment_above_the_scope_holds_at_the_scope()
    {
        var estate = new AccessEstateQuestion(EstateTenant.Evaluator).AnswerFor(Subject.At(Contoso.ProdWorkspace));

        // Carol's Owner is on the subscription, above the workspace: she holds role assignment write at the workspace.
        Assert.Contains(estate.Privileged, h => h.Operation.Operation == RoleAssignmentWrite && h.Answer.PrincipalName == "Carol Diaz" && h.Scope == Contoso.ProdWorkspace);
        // Findings are about assignments at or below the scope: Carol's covered Owner on rg-ml-prod is above it.
        Assert.DoesNotContain(estate.Findings, f => f.Kind == AssignmentFindingKind.CoveredByAncestor);
    }

    [Fact]
    public void Finds_the_deleted_principal_the_storage_only_role_the_duplicate_and_the_covered_grant()
    {
        Assert.True(Estate.DirectoryListed);
        Assert.Equal(
            new[]
            {
                (AssignmentFindingKind.Orphaned, EstateTenant.Deleted),
                (AssignmentFindingKind.GrantsNothingInAzureMl, Contoso.SpMlops),
                (AssignmentFindingKind.Duplicate, EstateTenant.Erin),
                (AssignmentFindingKind.CoveredByAncestor, EstateTenant.Carol),
            },
            Estate.Findings.Select(f => (f.Kind, f.Assignment.PrincipalId)));
        var duplicate = Estate.Findings.Single(f => f.Kind == AssignmentFindingKind.Duplicate);
        Assert.EndsWith("a1000000-0000-4000-8000-000000000003", duplicate.Assignment.Id);
        Assert.EndsWith("e796f005-8b99-4fda-8b46-9d7b759b50fb", duplicate.Other!.Id);
        var covered = Estate.Findings.Single(f => f.Kind == AssignmentFindingKind.CoveredByAncestor);
        Assert.Equal(EstateTenant.ProdSubscription, covered.Other!.Scope);
        Assert.Contains("Blob Lister Custom", Estate.Findings.Single(f => f.Kind == AssignmentFindingKind.GrantsNothingInAzureMl).Why);
    }

    [Fact]
    public void The_sample_tenant_as_shipped_has_no_finding()
    {
        var estate = new AccessEstateQuestion(Contoso.Evaluator).AnswerFor(Subject.At(EstateTenant.MlManagementGroup));

        Assert.Empty(estate.Findings);
        Assert.NotEmpty(estate.Privileged);
    }

    [Fact]
    public void Without_a_directory_an_orphan_is_a_principal_of_type_Unknown_as_Az_shows_it()
    {
        var tenant = EstateTenant.Tenant with
        {
            Principals = Array.Empty<Principal>(),
            Groups = Array.Empty<Group>(),
            RoleAssignments = EstateTenant.Tenant.RoleAssignments
                .Select(a => a.PrincipalId == EstateTenant.Deleted ? a with { PrincipalType = PrincipalType.Unknown } : a).ToList(),
        };
        var estate = new AccessEstateQuestion(new AccessEvaluator(tenant)).AnswerFor(Subject.At(EstateTenant.MlManagementGroup));

        Assert.False(estate.DirectoryListed);
        var orphan = Assert.Single(estate.Findings, f => f.Kind == AssignmentFindingKind.Orphaned);
        Assert.Equal(EstateTenant.Deleted, orphan.Assignment.PrincipalId);
        Assert.Contains("Unknown", orphan.Why);
    }

    [Fact]
    public void A_conditional_grant_at_an_ancestor_covers_nothing()
    {
        var tenant = EstateTenant.Tenant with
        {
            RoleAssignments = EstateTenant.Tenant.RoleAssignments
                .Select(a => a.PrincipalId == EstateTenant.Carol && a.Scope == EstateTenant.ProdSubscription ? a with { Condition = "@Resource[x] StringEquals 'y'" } : a).ToList(),
        };
        var estate = new AccessEstateQuestion(new AccessEvaluator(tenant)).AnswerFor(Subject.At(EstateTenant.MlManagementGroup));

        Assert.DoesNotContain(estate.Findings, f => f.Kind == AssignmentFindingKind.CoveredByAncestor);
    }
}
