using Xunit;

using AmlRbac.Catalog;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The embedded catalog loads whole: the counts of Catalog/Data (28 built-in roles copied from the pages under
/// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles, 469 operations of
/// Microsoft.MachineLearningServices, Microsoft.Authorization and Microsoft.Resources from the pages under
/// https://learn.microsoft.com/azure/role-based-access-control/permissions) and role lookups in the id shapes Azure
/// uses: the azure-rest-api-specs examples write /providers/Microsoft.Authorization/roleDefinitions/{guid}, the output
/// of https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest puts a subscription
/// before it for a built-in role.
/// </summary>
public sealed class CatalogLoaderTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    private const string ReaderId = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    [Fact]
    public void Loads_every_built_in_role_and_operation()
    {
        Assert.Equal(28, Catalog.BuiltInRoles.Count);
        Assert.Equal(469, Catalog.Operations.Count);
    }

    [Fact]
    public void Lists_the_three_providers_in_full()
    {
        Assert.Equal(
            new[] { "Microsoft.Authorization", "Microsoft.MachineLearningServices", "Microsoft.Resources" },
            Catalog.Providers.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Reader")]
    [InlineData("reader")]
    [InlineData("  READER ")]
    [InlineData(ReaderId)]
    [InlineData("ACDD72A7-3385-48EF-BD42-F606FBA81AE7")]
    [InlineData("/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/" + ReaderId)]
    [InlineData("/providers/Microsoft.Authorization/roleDefinitions/" + ReaderId)]
    public void Finds_a_built_in_role_by_name_or_id(string nameOrId)
    {
        var role = Catalog.FindRole(nameOrId);

        Assert.NotNull(role);
        Assert.Equal("Reader", role.Name);
        Assert.Equal(ReaderId, role.Id);
    }

    [Fact]
    public void Does_not_find_an_unknown_role()
    {
        Assert.Null(Catalog.FindRole("AzureML Data Scientists"));
        Assert.Null(Catalog.FindRole("00000000-0000-0000-0000-000000000001"));
    }

    [Fact]
    public void Finds_operations_case_insensitively()
    {
        // The operation list spells "onlineendpoints/listkeys/action"; "Manage access to Azure Machine Learning workspaces"
        // (https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles) writes "onlineEndpoints/listkeys/action".
        var operation = Catalog.FindOperation("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/listkeys/action");

        Assert.NotNull(operation);
        Assert.Equal("Microsoft.MachineLearningServices", operation.Provider);
    }

    [Fact]
    public void Loads_activities_templates_personas_and_api_paths()
    {
        Assert.Equal(25, Catalog.Activities.Count);
        Assert.Equal(7, Catalog.Templates.Count(t => t.Kind == TemplateKind.ExampleRole));
        Assert.Equal(7, Catalog.Templates.Count(t => t.Kind == TemplateKind.Persona));
        Assert.Equal(7, Catalog.Personas.Count);
        Assert.Equal(5, Catalog.ApiPaths.Count);
    }

    [Fact]
    public void Every_api_path_is_a_prefix_of_some_operation()
    {
        foreach (var mapping in Catalog.ApiPaths)
        {
            Assert.Contains(Catalog.Operations, o => o.Name.StartsWith(mapping.V1Path + "/", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(Catalog.Operations, o => o.Name.StartsWith(mapping.V2Path + "/", StringComparison.OrdinalIgnoreCase));
        }
    }
}
