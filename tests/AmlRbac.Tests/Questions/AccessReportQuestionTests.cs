using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;
using static AmlRbac.Tests.Questions.ContosoReport;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// The access report's engine, against the sample tenant's known facts (samples/README.md): which workspaces a scope
/// holds, who holds role assignment write in production and through what, eligible and conditional access, the deny
/// assignments that bear on each workspace, and the model deployment guardrails.
/// </summary>
public sealed class AccessReportQuestionTests
{
    [Fact]
    public void A_management_group_holds_both_workspaces_and_no_registry()
    {
        Assert.Equal(new[] { Contoso.DevWorkspace, Contoso.ProdWorkspace }, OfContosoMl.Workspaces.Select(w => w.Workspace));
        Assert.Equal(ContosoMl, OfContosoMl.Scope);
        Assert.Equal(DateTimeOffset.Parse(GeneratedAt, System.Globalization.CultureInfo.InvariantCulture), OfContosoMl.GeneratedAt);
    }

    [Fact]
    public void A_workspace_scope_holds_itself_alone()
    {
        var report = new AccessReportQuestion(Contoso.Evaluator).AnswerFor(Subject.At(Contoso.DevWorkspace));

        Assert.Equal(new[] { Contoso.DevWorkspace }, report.Workspaces.Select(w => w.Workspace));
    }

    [Fact]
    public void A_resource_group_holds_the_workspace_in_it_not_the_one_behind_the_prefix_trap()
    {
        // rg-ml-prod-shared starts with the text of rg-ml-prod's id but is not below it (samples/README.md).
        var shared = new AccessReportQuestion(Contoso.Evaluator).AnswerFor(Subject.At("/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod-shared"));

        Assert.Empty(shared.Workspaces);
    }

    [Fact]
    public void A_workspace_live_Azure_listed_is_reported_even_with_nothing_assigned_at_it()
    {
        const string quiet = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-quiet";
        var tenant = Contoso.Evaluator.Tenant with { Workspaces = new[] { quiet } };

        var report = new AccessReportQuestion(new AccessEvaluator(tenant)).AnswerFor(Subject.At("/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0"));

        var workspace = Assert.Single(report.Workspaces, w => w.Name == "mlw-quiet");
        // Carol's Owner on the subscription reaches it.
        Assert.Contains(workspace.Principals, p => p.Principal.Id == Carol);
    }

    [Fact]
    public void Every_principal_is_answered_for_every_activity_and_privileged_operation()
    {
        Assert.All(Prod.Principals, p =>
        {
            Assert.Equal(AmlCatalog.Default.Activities.Select(a => a.Name), p.Activities.Select(a => a.Activity!.Activity.Name));
            Assert.Equal(PrivilegedOperations.All.Select(o => o.Operation), p.Operations.Select(a => a.Operation!.Action));
        });
        // Alice (through ml-data-scientists), the groups an assignment names, and the workspace identity of prod.
        Assert.Contains(Prod.Principals, p => p.Principal.DisplayName == "Alice Chen");
        Assert.Contains(Prod.Principals, p => p.Principal.DisplayName == "ml-mlops" && p.Principal.Type == PrincipalType.Group);
        Assert.Contains(Prod.Principals, p => p.Principal.DisplayName == "mlw-prod");
        // mlw-dev's identity holds Contributor on rg-ml-dev only.
        Assert.DoesNotContain(Prod.Principals, p => p.Principal.DisplayName == "mlw-dev");
    }

    [Fact]
    public void Carol_holds_role_assignment_write_in_production_through_Owner_on_the_subscription()
    {
        var holders = Prod.Privileged.Single(p => p.Operation.Operation == RoleAssignmentWrite).Holders;

        var carol = Assert.Single(holders, h => h.Operation!.PrincipalId == Carol);
        Assert.Equal(Outcome.Allowed, carol.Outcome);
        Assert.Equal("Owner", carol.DecidingReason!.RoleName);
        Assert.Equal("/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0", carol.DecidingReason.Scope);
        Assert.DoesNotContain(holders, h => h.Operation!.PrincipalId == Contoso.Alice);
    }

    [Fact]
    public void Dave_delegates_under_a_condition_and_Frank_is_eligible()
    {
        var holders = Prod.Privileged.Single(p => p.Operation.Operation == RoleAssignmentWrite).Holders;

        Assert.Equal(Outcome.Conditional, holders.Single(h => h.Operation!.PrincipalId == Dave).Outcome);
        Assert.Equal("Workspace Admin Custom", holders.Single(h => h.Operation!.PrincipalId == Dave).DecidingReason!.RoleName);
        Assert.Equal(Outcome.Eligible, holders.Single(h => h.Operation!.PrincipalId == Frank).Outcome);
        Assert.Contains(Prod.EligibleOrConditional, e => e.Principal.Principal.Id == Frank && e.Answer.Outcome == Outcome.Eligible);
        Assert.Contains(Prod.EligibleOrConditional, e => e.Principal.Principal.Id == Dave && e.Answer.Operation?.Action == RoleAssignmentWrite);
        Assert.All(Prod.EligibleOrConditional, e => Assert.Contains(e.Answer.Outcome, new[] { Outcome.Eligible, Outcome.Conditional }));
    }

    [Fact]
    public void Nobody_holds_role_assignment_write_in_dev_but_the_inherited_owners()
    {
        var holders = Dev.Privileged.Single(p => p.Operation.Operation == RoleAssignmentWrite).Holders;

        // Carol's Owner is on the prod subscription and Frank's eligibility on rg-ml-prod: neither reaches mlw-dev.
        Assert.Empty(holders);
    }

    [Fact]
    public void The_prod_deny_reaches_prod_and_blocks_answers_the_dev_deny_reaches_no_workspace()
    {
        var prodDeny = Assert.Single(Prod.DenyAssignments);
        Assert.Equal(ProdDeny, prodDeny.Deny.Id);
        Assert.True(prodDeny.ReachesWorkspace);
        Assert.True(prodDeny.BlockedAnswers > 0);
        // doNotApplyToChildScopes: the dev deny stays on rg-ml-dev itself.
        Assert.DoesNotContain(Dev.DenyAssignments, d => d.Deny.Id == DevDeny);
    }

    [Fact]
    public void The_registry_guardrail_denies_falcon_in_prod_and_only_reports_it_in_dev()
    {
        var prod = Prod.Guardrails.Single(g => g.Model.Model.AssetId == Contoso.Falcon);
        var dev = Dev.Guardrails.Single(g => g.Model.Model.AssetId == Contoso.Falcon);

        Assert.Equal(DeploymentOutcome.Denied, prod.Outcome);
        Assert.Contains(prod.Reasons, r => r.Kind == PolicyReasonKind.PolicyDeny && r.PolicyDefinitionId == Contoso.RegistryRestriction);
        Assert.Equal(DeploymentOutcome.Allowed, dev.Outcome);
        Assert.Contains(dev.Reasons, r => r.Kind == PolicyReasonKind.PolicyDoNotEnforce);
    }

    [Fact]
    public void A_tenant_without_policy_has_no_guardrail_section()
    {
        var tenant = Contoso.Evaluator.Tenant with { Policy = PolicyState.Empty };

        var report = new AccessReportQuestion(new AccessEvaluator(tenant)).AnswerFor(Subject.At(Contoso.ProdWorkspace));

        Assert.Empty(Assert.Single(report.Workspaces).Guardrails);
    }

    [Fact]
    public void A_malformed_scope_is_ScopeInvalid()
    {
        var error = Assert.Throws<AmlRbacException>(() => new AccessReportQuestion(Contoso.Evaluator).AnswerFor(Subject.At("rg-ml-dev")));

        Assert.Equal(ErrorIds.ScopeInvalid, error.ErrorId);
    }
}
