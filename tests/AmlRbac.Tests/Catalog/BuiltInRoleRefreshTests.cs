using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The differences the 928 role definitions of 2026-08-22 (RoleDefinitions_List as https://github.com/iann0036/iam-dataset
/// dumped it) bring over the 28 roles copied before from the built-in roles pages
/// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/ai-machine-learning), adopted on purpose:
/// each test fails on the earlier data.
/// </summary>
public sealed class BuiltInRoleRefreshTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    private const string FineTunesDeploymentsWrite = "Microsoft.CognitiveServices/accounts/OpenAI/fine-tunes-deployments/write";

    [Fact]
    public void Azure_AI_Developer_no_longer_writes_fine_tuned_deployments()
    {
        var developer = Catalog.FindRole("Azure AI Developer")!;

        Assert.Contains(FineTunesDeploymentsWrite, developer.Permissions.Single().NotDataActions);
        Assert.Equal(Outcome.NotGranted, Evaluator.CheckRole(developer, FineTunesDeploymentsWrite, isDataAction: true).Outcome);
    }

    [Fact]
    public void Foundry_User_formerly_Azure_AI_User_cannot_impersonate_through_agent_endpoints()
    {
        var user = Catalog.FindRole("Azure AI User")!;

        Assert.Equal("Foundry User", user.Name);
        Assert.Contains("Microsoft.CognitiveServices/accounts/AIServices/agents/endpoints/UserIdentityImpersonation/action", user.Permissions.Single().NotDataActions);
    }

    [Fact]
    public void Foundry_Owner_formerly_Azure_AI_Owner_may_assign_roles_under_its_condition()
    {
        var owner = Catalog.FindRole("Azure AI Owner")!;

        Assert.Equal("Foundry Owner", owner.Name);
        Assert.Equal(Outcome.Conditional, Evaluator.CheckRole(owner, "Microsoft.Authorization/roleAssignments/write").Outcome);
    }

    [Fact]
    public void Cognitive_Services_Contributor_may_write_rai_policies_again()
    {
        // The earlier page's role excluded raiPolicy/write and /delete and raiExternalSafetyProviders/*; the API's does not.
        var contributor = Catalog.FindRole("Cognitive Services Contributor")!;

        Assert.DoesNotContain(contributor.Permissions.Single().NotActions, a => a.Contains("/rai", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Outcome.Allowed, Evaluator.CheckRole(contributor, "Microsoft.CognitiveServices/raiPolicy/write").Outcome);
    }

    [Fact]
    public void The_network_connection_approver_reads_private_endpoint_results_of_Cosmos_DB_and_monitor_scopes()
    {
        var approver = Catalog.FindRole("Azure AI Enterprise Network Connection Approver")!;

        Assert.Contains("Microsoft.DocumentDB/databaseAccounts/privateEndpointConnections/operationResults/read", approver.Permissions.Single().Actions);
        Assert.Contains("Microsoft.Insights/privatelinkscopes/privateEndpointConnections/operationResults/read", approver.Permissions.Single().Actions);
    }
}
