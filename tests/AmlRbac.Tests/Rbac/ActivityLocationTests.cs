using Xunit;
using static AmlRbac.Tests.Rbac.RuleTenant;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// Issue #13 section 1: an activity's operations are checked where Azure checks them ([MLROLES],
/// https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles), each case with the line it rests on.
/// The roles are the built-in ones the documentation names, taken from the catalog.
/// </summary>
public sealed class ActivityLocationTests
{
    private const string NetworkRg = SubscriptionScope + "/resourceGroups/network";
    private const string VirtualNetwork = NetworkRg + "/providers/Microsoft.Network/virtualNetworks/hub";
    private const string Subnet = VirtualNetwork + "/subnets/training";
    private const string AksCluster = SubscriptionScope + "/resourceGroups/aks/providers/Microsoft.ContainerService/managedClusters/prod";
    private const string KeyVault = SubscriptionScope + "/resourceGroups/keys/providers/Microsoft.KeyVault/vaults/cmk";
    private const string Identity = SubscriptionScope + "/resourceGroups/ids/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer";

    private static RoleDefinition BuiltIn(string name) => AmlCatalog.Default.BuiltInRoles.Single(r => r.Name == name);

    private static Activity Activity(string name) => AmlCatalog.Default.GetActivity(name);

    private static AccessEvaluator AliceHolds(params (RoleDefinition Role, string Scope)[] grants) =>
        Engine(grants.Select(g => g.Role).Where(r => r.IsCustom).Distinct(), grants.Select(g => Assign(Alice, g.Role, g.Scope)));

    private static ActivityDecision Check(AccessEvaluator engine, string activity, string scope, params string[] related) =>
        engine.CheckActivity(Alice, Activity(activity), scope, RelatedResources.Parse(related));

    // ---- Deploy to an online endpoint from studio --------------------------------------------------

    [Fact]
    public void Studio_deployment_is_allowed_with_data_scientist_on_the_workspace_and_deployments_on_the_resource_group()
    {
        // Troubleshooting: "In order to deploy on studio, you need Microsoft.Resources/deployments/write AND
        // Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write."
        var deployments = Role("ARM deployments", Allow("Microsoft.Resources/deployments/*"));
        var engine = AliceHolds((BuiltIn("AzureML Data Scientist"), Workspace), (deployments, Rg1));

        var decision = Check(engine, "DeployOnlineEndpointFromStudio", Workspace);

        Assert.Equal(Outcome.Allowed, decision.Outcome);
        Assert.Equal(Rg1, decision.Operations.Single(d => d.Action == "Microsoft.Resources/deployments/write").Scope);
        Assert.Equal(Workspace, decision.Operations.Single(d => d.Action.EndsWith("onlineEndpoints/deployments/write", StringComparison.Ordinal)).Scope);
    }

    [Fact]
    public void Studio_deployment_without_the_resource_group_grant_misses_deployments_write_checked_at_the_resource_group()
    {
        // "Create/manage online endpoints and deployments", resource group-level scope: "To deploy on studio, Microsoft.Resources/deployments/write".
        var engine = AliceHolds((BuiltIn("AzureML Data Scientist"), Workspace));

        var decision = Check(engine, "DeployOnlineEndpointFromStudio", Workspace);

        Assert.Equal(Outcome.NotGranted, decision.Outcome);
        var missing = Assert.Single(decision.Missing);
        Assert.Equal("Microsoft.Resources/deployments/write", missing.Action);
        Assert.Contains(missing.Reasons, r => r.Kind == ReasonKind.CheckedElsewhere && r.CheckedAt == "ResourceGroup" && r.Scope == Rg1);
    }

    // ---- Deploy into a virtual network ---------------------------------------------------------------

    [Fact]
    public void Vnet_deployment_for_a_workspace_owner_is_unknown_until_the_network_is_named()
    {
        // "Deploy into a virtual network or subnet": "Microsoft.Network/virtualNetworks/join/action" on the virtual
        // network resource; "Microsoft.Network/virtualNetworks/subnets/join/action" on the subnet resource.
        var engine = AliceHolds((BuiltIn("Owner"), Workspace));

        var decision = Check(engine, "DeployIntoVnet", Workspace);

        Assert.Equal(Outcome.Unknown, decision.Outcome);
        var reasons = decision.Operations.SelectMany(d => d.Reasons).Where(r => r.Kind == ReasonKind.RelatedResourceNotNamed).ToList();
        Assert.Contains(reasons, r => r.CheckedAt == "VirtualNetwork");
        Assert.Contains(reasons, r => r.CheckedAt == "Subnet");
    }

    [Fact]
    public void Vnet_deployment_is_decided_on_the_named_subnet_and_its_network_in_another_resource_group()
    {
        var owner = AliceHolds((BuiltIn("Owner"), Workspace));
        var networker = AliceHolds((BuiltIn("Owner"), Workspace), (BuiltIn("Network Contributor"), NetworkRg));

        var refused = Check(owner, "DeployIntoVnet", Workspace, Subnet);
        var allowed = Check(networker, "DeployIntoVnet", Workspace, Subnet);

        // The workspace Owner holds nothing on the network: every operation is NotGranted there.
        Assert.Equal(Outcome.NotGranted, refused.Outcome);
        Assert.Equal(4, refused.Missing.Count());
        Assert.Equal(Outcome.Allowed, allowed.Outcome);
        // A subnet named alone stands for its virtual network (its id's parent).
        Assert.Equal(VirtualNetwork, allowed.Operations.Single(d => d.Action == "Microsoft.Network/virtualNetworks/join/action").Scope);
        Assert.Equal(Subnet, allowed.Operations.Single(d => d.Action == "Microsoft.Network/virtualNetworks/subnets/join/action").Scope);
    }

    // ---- Attach an AKS cluster ------------------------------------------------------------------------

    [Fact]
    public void Attaching_aks_needs_the_cluster_admin_role_on_the_cluster()
    {
        // Footnote 2: "When attaching an AKS cluster, you also need to have the Azure Kubernetes Service Cluster Admin Role on the cluster."
        var contributor = AliceHolds((BuiltIn("Contributor"), Workspace));
        var clusterAdmin = AliceHolds((BuiltIn("Contributor"), Workspace), (BuiltIn("Azure Kubernetes Service Cluster Admin Role"), AksCluster));

        Assert.Equal(Outcome.Unknown, Check(contributor, "AttachAks", Workspace).Outcome);
        Assert.Equal(Outcome.NotGranted, Check(contributor, "AttachAks", Workspace, AksCluster).Outcome);
        Assert.Equal(Outcome.Allowed, Check(clusterAdmin, "AttachAks", Workspace, AksCluster).Outcome);
    }

    // ---- Workspace with a customer-managed key ------------------------------------------------------

    [Fact]
    public void A_workspace_with_a_customer_managed_key_needs_contributor_on_the_key_vault()
    {
        // "Create a workspace using a customer-managed key": "The user or service principal used to create the
        // workspace must have owner or contributor access to the key vault."
        var rgContributor = AliceHolds((BuiltIn("Contributor"), Rg1));
        var withVault = AliceHolds((BuiltIn("Contributor"), Rg1), (BuiltIn("Contributor"), KeyVault));

        Assert.Equal(Outcome.Unknown, Check(rgContributor, "CreateWorkspaceWithCmk", Rg1).Outcome);
        Assert.Equal(Outcome.NotGranted, Check(rgContributor, "CreateWorkspaceWithCmk", Rg1, KeyVault).Outcome);
        Assert.Equal(Outcome.Allowed, Check(withVault, "CreateWorkspaceWithCmk", Rg1, KeyVault).Outcome);
    }

    // ---- User-assigned identity on a compute --------------------------------------------------------

    [Fact]
    public void Assigning_a_user_assigned_identity_to_a_compute_needs_managed_identity_operator_on_the_identity()
    {
        // "To assign a user assigned identity to an Azure Machine Learning compute cluster, you need write permissions
        // to create the compute and the Managed Identity Operator Role."
        var contributor = AliceHolds((BuiltIn("Contributor"), Workspace));
        var operatorToo = AliceHolds((BuiltIn("Contributor"), Workspace), (BuiltIn("Managed Identity Operator"), Identity));

        Assert.Equal(Outcome.Unknown, Check(contributor, "AssignIdentityToCompute", Workspace).Outcome);
        // Contributor on the workspace only: nothing on the identity, which lives in another resource group.
        Assert.Equal(Outcome.NotGranted, Check(contributor, "AssignIdentityToCompute", Workspace, Identity).Outcome);
        Assert.Equal(Outcome.Allowed, Check(operatorToo, "AssignIdentityToCompute", Workspace, Identity).Outcome);
    }

    // ---- Custom roles at their level ------------------------------------------------------------------

    [Fact]
    public void A_resource_group_owner_may_create_a_custom_role_assignable_at_that_resource_group()
    {
        // "Create custom role": "You must be an owner of the resource at that level to create custom roles within that resource."
        var engine = AliceHolds((BuiltIn("Owner"), Rg1));

        var atRg = Check(engine, "CreateCustomRole", Rg1);

        Assert.Equal(Outcome.Allowed, atRg.Outcome);
        Assert.Equal(Rg1, Assert.Single(atRg.Operations).Scope);
        Assert.Equal(Outcome.NotGranted, Check(engine, "CreateCustomRole", SubscriptionScope).Outcome);
        // Contributor's NotActions "Microsoft.Authorization/*/Write" remove roleDefinitions/write.
        Assert.Equal(Outcome.NotGranted, Check(AliceHolds((BuiltIn("Contributor"), Rg1)), "CreateCustomRole", Rg1).Outcome);
    }

    // ---- Create a workspace ---------------------------------------------------------------------------

    [Fact]
    public void Creating_a_workspace_needs_its_storage_account_key_vault_and_application_insights_at_the_resource_group()
    {
        // "Create new workspace", resource group-level scope: "Owner or contributor"; the workspace is created with
        // its storage account, key vault and Application Insights (concept-workspace, "Associated resources").
        var onlyWorkspaces = Role("Workspace writer", Allow(Ml + "workspaces/write"));
        var narrow = AliceHolds((onlyWorkspaces, Rg1));
        var contributor = AliceHolds((BuiltIn("Contributor"), Rg1));

        var refused = Check(narrow, "CreateWorkspace", Workspace);

        Assert.Equal(Outcome.NotGranted, refused.Outcome);
        Assert.Equal(
            new[] { "Microsoft.Storage/storageAccounts/write", "Microsoft.KeyVault/vaults/write", "Microsoft.Insights/components/write" },
            refused.Missing.Select(d => d.Action), StringComparer.OrdinalIgnoreCase);
        Assert.All(refused.Operations, d => Assert.Equal(Rg1, d.Scope));
        Assert.Equal(Outcome.Allowed, Check(contributor, "CreateWorkspace", Rg1).Outcome);
    }

    // ---- Subscription-level operations ----------------------------------------------------------------

    [Theory]
    [InlineData("RequestQuota")]
    [InlineData("ViewQuota")]
    [InlineData("RegisterResourceProvider")]
    public void Subscription_operations_are_decided_at_the_subscription_and_say_so(string activity)
    {
        // "Request subscription level Amlcompute quota or set workspace level quota": resource group and workspace
        // scope "Not authorized"; footnote 1: register/action "register[s] the Azure Machine Learning resource provider
        // with your Azure subscription".
        var rgOwner = AliceHolds((BuiltIn("Owner"), Rg1));
        var subscriptionOwner = AliceHolds((BuiltIn("Owner"), SubscriptionScope));

        var refused = Check(rgOwner, activity, Workspace);

        Assert.Equal(Outcome.NotGranted, refused.Outcome);
        Assert.Equal(SubscriptionScope, refused.Scope);
        Assert.All(refused.Operations, d => Assert.Contains(d.Reasons, r => r.Kind == ReasonKind.CheckedElsewhere && r.CheckedAt == "Subscription" && r.Scope == SubscriptionScope));
        Assert.Equal(Outcome.Allowed, Check(subscriptionOwner, activity, Workspace).Outcome);
    }

    // ---- Related resource ids -------------------------------------------------------------------------

    [Theory]
    [InlineData("not-an-id")]
    [InlineData(Rg1)]
    [InlineData(SubscriptionScope + "/resourceGroups/web/providers/Microsoft.Web/sites/app")]
    public void A_related_resource_of_no_known_kind_or_malformed_is_rejected_naming_the_id_and_the_kinds(string id)
    {
        var error = Assert.Throws<AmlRbacException>(() => RelatedResources.Parse(new[] { id }));

        Assert.Equal(ErrorIds.RelatedResourceInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Contains(id, error.Message);
        Assert.Contains("Microsoft.Network/virtualNetworks", error.Message);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", error.Message);
    }

    [Theory]
    [InlineData(Subnet, "Subnet")]
    [InlineData(AksCluster, "AksCluster")]
    [InlineData("/subscriptions/" + OtherSubscription + "/resourceGroups/Keys/providers/microsoft.keyvault/VAULTS/cmk", "KeyVault")]
    [InlineData(SubscriptionScope + "/resourceGroups/reg/providers/Microsoft.MachineLearningServices/registries/shared", "Registry")]
    [InlineData(SubscriptionScope + "/resourceGroups/mon/providers/Microsoft.Insights/components/ai", "ApplicationInsights")]
    public void A_related_resource_kind_comes_from_its_provider_and_type(string id, string kind)
    {
        Assert.Equal(kind, RelatedResourceKind.Of(id, out _).Name);
    }
}
