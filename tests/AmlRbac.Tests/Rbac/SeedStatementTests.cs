using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// Every can / cannot statement of the source documents about a built-in role, as a test of what the role alone
/// grants. Sources: [MLROLES] "Default roles" and the AzureML Data Scientist / Compute Operator /
/// Registry User descriptions; [PERSONAS] "Existing Roles in AML" (the slides' "Standard RBAC in AML").
/// </summary>
public sealed class SeedStatementTests
{
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    private const string Ml = "Microsoft.MachineLearningServices/";

    public static TheoryData<string, string, Outcome> Statements => new()
    {
        // "AzureML Data Scientist: ... all actions within a workspace, except creating or deleting compute and modifying the workspace itself"
        { "AzureML Data Scientist", Ml + "workspaces/computes/write", Outcome.NotGranted },
        { "AzureML Data Scientist", Ml + "workspaces/computes/delete", Outcome.NotGranted },
        { "AzureML Data Scientist", Ml + "workspaces/write", Outcome.NotGranted },
        { "AzureML Data Scientist", Ml + "workspaces/delete", Outcome.NotGranted },
        { "AzureML Data Scientist", Ml + "workspaces/experiments/runs/submit/action", Outcome.Allowed },
        { "AzureML Data Scientist", Ml + "workspaces/jobs/write", Outcome.Allowed },
        { "AzureML Data Scientist", Ml + "workspaces/computes/read", Outcome.Allowed },
        { "AzureML Data Scientist", Ml + "workspaces/computes/start/action", Outcome.Allowed },
        { "AzureML Data Scientist", Ml + "workspaces/onlineEndpoints/deployments/write", Outcome.Allowed },
        // "AzureML Compute Operator: Can create, manage, delete, and access compute resources within a workspace."
        { "AzureML Compute Operator", Ml + "workspaces/computes/write", Outcome.Allowed },
        { "AzureML Compute Operator", Ml + "workspaces/computes/delete", Outcome.Allowed },
        { "AzureML Compute Operator", Ml + "workspaces/jobs/write", Outcome.NotGranted },
        // "Reader: Read-only actions in the workspace ... can't create or update these assets."
        { "Reader", Ml + "workspaces/read", Outcome.Allowed },
        { "Reader", Ml + "workspaces/datastores/read", Outcome.Allowed },
        { "Reader", Ml + "workspaces/experiments/write", Outcome.NotGranted },
        // "Contributor: View, create, edit, or delete ... create or attach a compute cluster, submit a run"
        { "Contributor", Ml + "workspaces/computes/write", Outcome.Allowed },
        { "Contributor", Ml + "workspaces/experiments/runs/submit/action", Outcome.Allowed },
        { "Contributor", "Microsoft.Authorization/roleAssignments/write", Outcome.NotGranted },
        // "Owner: ... Additionally, you can change role assignments."
        { "Owner", "Microsoft.Authorization/roleAssignments/write", Outcome.Allowed },
        // "AzureML Registry User: Can get registries, and read, write, and delete assets within them. Can't create new registry resources or delete them."
        { "AzureML Registry User", Ml + "registries/read", Outcome.Allowed },
        { "AzureML Registry User", Ml + "registries/assets/write", Outcome.Allowed },
        { "AzureML Registry User", Ml + "registries/write", Outcome.NotGranted },
        { "AzureML Registry User", Ml + "registries/delete", Outcome.NotGranted },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Built_in_role_grants_what_the_seeds_say(string roleName, string action, Outcome expected)
    {
        var role = AmlCatalog.Default.FindRole(roleName)!;

        var decision = Evaluator.CheckRole(role, action);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void Data_scientist_compute_write_is_removed_by_the_zero_segment_not_action()
    {
        var role = AmlCatalog.Default.FindRole("AzureML Data Scientist")!;

        var decision = Evaluator.CheckRole(role, Ml + "workspaces/computes/write");

        var exclusion = Assert.Single(decision.Reasons, r => r.Kind == ReasonKind.ExcludedByNotAction);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes/*/write", exclusion.Pattern);
        Assert.Equal("AzureML Compute Operator", decision.WouldBeGrantedBy[0].RoleName);
    }
}
