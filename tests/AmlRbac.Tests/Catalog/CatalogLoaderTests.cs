using Xunit;

using AmlRbac.Catalog;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The embedded catalog loads whole: the counts of Catalog/Data (the 928 built-in roles the role definitions API returned
/// on 2026-08-22, as https://github.com/iann0036/iam-dataset dumped them; the operations of the providers whose pages under
/// https://learn.microsoft.com/azure/role-based-access-control/permissions were copied) and role lookups in the id shapes
/// Azure uses: the azure-rest-api-specs examples write /providers/Microsoft.Authorization/roleDefinitions/{guid}, the output
/// of https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest puts a subscription
/// before it for a built-in role.
/// </summary>
public sealed class CatalogLoaderTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    private const string ReaderId = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    [Fact]
    public void Loads_every_built_in_role_with_every_permission_block()
    {
        // shared SOURCES of builtin-roles-all.json: 928 roles, 16 with more than one block, 31 blocks with a condition.
        Assert.Equal(928, Catalog.BuiltInRoles.Count);
        Assert.Equal(16, Catalog.BuiltInRoles.Count(r => r.Permissions.Count > 1));
        Assert.Equal(31, Catalog.BuiltInRoles.SelectMany(r => r.Permissions).Count(p => p.Condition is not null));
        Assert.Equal(Catalog.BuiltInRoles.Count, Catalog.BuiltInRoles.Select(r => r.Id).Distinct().Count());
        Assert.All(Catalog.BuiltInRoles, r => Assert.StartsWith("the Azure role definitions API (RoleDefinitions_List)", r.Source));
    }

    [Fact]
    public void Lists_the_providers_Azure_ML_reaches()
    {
        // The providers issue #14 names that have a page copied so far; each page's operations, control and data.
        foreach (var provider in new[]
        {
            "Microsoft.MachineLearningServices", "Microsoft.Authorization", "Microsoft.Resources", "Microsoft.Storage", "Microsoft.KeyVault",
            "Microsoft.ContainerRegistry", "Microsoft.ContainerService", "Microsoft.Insights", "Microsoft.OperationalInsights",
            "Microsoft.CognitiveServices", "Microsoft.Search", "Microsoft.DocumentDB", "Microsoft.DataFactory", "Microsoft.Features",
            "Microsoft.ResourceHealth", "Microsoft.Support",
        })
        {
            Assert.Contains(provider, Catalog.Providers);
        }
        Assert.Contains(Catalog.Operations, o => o.Provider == "Microsoft.Storage" && o.IsDataAction);
        Assert.DoesNotContain(Catalog.Operations, o => o.Provider == "Microsoft.MachineLearningServices" && o.IsDataAction);
    }

    [Theory]
    // storage.md: blob read is listed after "| **DataAction** |"; the account read before it.
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read", true)]
    [InlineData("Microsoft.Storage/storageAccounts/read", false)]
    [InlineData("Microsoft.KeyVault/vaults/secrets/getSecret/action", true)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action", false)]
    public void An_operation_has_the_kind_its_page_gives_it(string name, bool isDataAction)
    {
        var operation = Catalog.FindOperation(name);

        Assert.NotNull(operation);
        Assert.Equal(isDataAction, operation.IsDataAction);
        Assert.Equal(isDataAction ? "data" : "control", operation.Kind);
    }

    [Fact]
    public void A_name_listed_as_both_kinds_is_two_operations()
    {
        // security.md lists Microsoft.KeyVault/vaults/keys/read under Action and again under DataAction.
        const string KeysRead = "Microsoft.KeyVault/vaults/keys/read";
        var control = Catalog.IndexOfOperation(KeysRead, isDataAction: false);
        var data = Catalog.IndexOfOperation(KeysRead, isDataAction: true);

        Assert.True(control >= 0 && data >= 0 && control != data);
        Assert.Equal(control, Catalog.IndexOfOperation(KeysRead));
        Assert.Equal(data, Catalog.KindOf(control, isDataAction: true));
        Assert.Equal(control, Catalog.KindOf(control, isDataAction: false));
        // A name of one kind keeps it, whatever is asked.
        var blob = Catalog.IndexOfOperation("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read");
        Assert.Equal(blob, Catalog.KindOf(blob, isDataAction: false));
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/")]
    [InlineData("microsoft.keyvault/VAULTS/")]
    [InlineData("Microsoft.Network/")]
    [InlineData("")]
    [InlineData("Contoso.Widgets/")]
    public void The_operations_that_start_with_a_prefix_are_one_run_of_the_sorted_list(string prefix)
    {
        var (start, end) = Catalog.OperationsStartingWith(prefix);

        var expected = Enumerable.Range(0, Catalog.Operations.Count)
            .Where(i => Catalog.Operations[i].Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(expected, Enumerable.Range(start, end - start));
    }

    [Fact]
    public void An_operation_names_the_page_and_commit_it_was_copied_from()
    {
        var operation = Catalog.FindOperation("Microsoft.Storage/storageAccounts/read")!;

        Assert.Equal("https://github.com/MicrosoftDocs/azure-docs/blob/b1884163727677b9efa57c712e993ca6b54ed078/articles/role-based-access-control/permissions/storage.md",
            operation.Source);
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

    [Theory]
    // SOURCES of builtin-roles-all.json: four "Azure AI *" roles are renamed "Foundry *" with the same GUIDs.
    [InlineData("Azure AI User", "Foundry User", "53ca6127-db72-4b80-b1b0-d745d6d5456d")]
    [InlineData("azure ai owner", "Foundry Owner", "c883944f-8b7b-4483-af10-35834be79c4a")]
    [InlineData("Azure AI Project Manager", "Foundry Project Manager", "eadc314b-1a2d-4efa-be10-5d325db5065e")]
    [InlineData("Azure AI Account Owner", "Foundry Account Owner", "e47c6f54-e4a2-4754-9501-8e0985b135e1")]
    public void Finds_a_renamed_built_in_role_by_its_former_name_with_a_note(string former, string name, string id)
    {
        var role = Catalog.FindRole(former);
        var alias = Catalog.FindRoleAlias(former);

        Assert.NotNull(role);
        Assert.Equal(name, role.Name);
        Assert.Equal(id, role.Id);
        Assert.NotNull(alias);
        Assert.Contains($"Renamed '{name}' (same id)", alias.Note);
        Assert.Null(Catalog.FindRoleAlias(name));
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
        Assert.Equal(32, Catalog.Activities.Count);
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
