using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Authoring;

/// <summary>-ReferenceRole: what the new role grants that the reference does not, and the other way round.</summary>
public sealed class RoleComparisonTests
{
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    [Fact]
    public void A_role_narrower_than_the_reference_grants_nothing_more()
    {
        var result = new CustomRoleRequest
        {
            Builder = new RoleBuilder { Name = "Job Submitter", Activities = new[] { "SubmitRunV2" }, AssignableScopes = new[] { Subscription } },
            ReferenceRoleName = "AzureML Data Scientist",
        }.Execute(Evaluator);

        var comparison = result.Comparison!;
        Assert.True(comparison.GrantsNoMore, string.Join(", ", comparison.OnlyInRole));
        Assert.NotEmpty(comparison.OnlyInReference);
        Assert.Contains(Ml + "onlineEndpoints/write", comparison.OnlyInReference);
        Assert.Equal("AzureML Data Scientist", comparison.ReferenceName);
    }

    [Fact]
    public void What_the_role_grants_beyond_the_reference_is_listed()
    {
        var role = Of(new[] { Ml + "computes/read", Ml + "computes/write", Ml + "listKeys/action" });
        var reference = Evaluator.GetRole("AzureML Data Scientist");

        var comparison = RoleComparison.Compare(Evaluator, role, reference);

        // AzureML Data Scientist cannot create compute (NotActions computes/*/write) nor list workspace keys.
        Assert.Equal(new[] { Ml + "computes/write", Ml + "listKeys/action" }, comparison.OnlyInRole.Order(StringComparer.OrdinalIgnoreCase));
        Assert.False(comparison.GrantsNoMore);
        Assert.Equal(1, comparison.InBoth);
    }

    [Fact]
    public void A_role_compared_with_itself_is_the_same()
    {
        var reference = Evaluator.GetRole("AzureML Data Scientist");

        var comparison = RoleComparison.Compare(Evaluator, reference with { Id = Guid.NewGuid().ToString("D"), Name = "Copy" }, reference);

        Assert.True(comparison.Same);
        // The role names only Microsoft.MachineLearningServices operations: those are all it is compared over.
        Assert.Equal(AmlRbac.Catalog.AmlCatalog.Default.Operations.Count(o => o.Name.StartsWith("Microsoft.MachineLearningServices/", StringComparison.OrdinalIgnoreCase)),
            comparison.Compared);
    }

    [Fact]
    public void Contributor_against_Azure_AI_Administrator_loses_operations_of_every_provider_its_wildcard_reaches()
    {
        // Contributor's Actions are "*" (every provider); Azure AI Administrator's name a dozen providers ([MLROLES]).
        var comparison = RoleComparison.Compare(Evaluator, Evaluator.GetRole("Contributor"), Evaluator.GetRole("Azure AI Administrator"));

        Assert.Equal(AmlRbac.Catalog.AmlCatalog.Default.Operations.Count, comparison.Compared);
        var lostProviders = comparison.OnlyInRole.Select(o => o.Split('/')[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Contains("Microsoft.OperationalInsights", lostProviders);
        Assert.Contains("Microsoft.ContainerService", lostProviders);
        // Azure AI Administrator keeps Microsoft.Storage/storageAccounts/*, not the provider's other operations.
        Assert.Contains("Microsoft.Storage/register/action", comparison.OnlyInRole);
        Assert.DoesNotContain("Microsoft.Storage/storageAccounts/delete", comparison.OnlyInRole);
        // Data actions are not Contributor's: none is lost.
        Assert.DoesNotContain(comparison.OnlyInRole, o => AmlRbac.Catalog.AmlCatalog.Default.FindOperation(o)!.IsDataAction);
    }

    [Fact]
    public void An_unknown_reference_role_is_RoleNotFound_with_did_you_mean()
    {
        var error = Assert.Throws<AmlRbacException>(() => new CustomRoleRequest
        {
            Builder = new RoleBuilder { Name = "X", Actions = new[] { Ml + "read" }, AssignableScopes = new[] { Subscription } },
            ReferenceRoleName = "AzureML Data Scientst",
        }.Execute(Evaluator));

        Assert.Equal(ErrorIds.RoleNotFound, error.ErrorId);
        Assert.Contains("AzureML Data Scientist", error.Message);
    }
}
