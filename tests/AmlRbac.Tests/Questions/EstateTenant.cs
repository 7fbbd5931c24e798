using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// The sample tenant with what an estate review finds in real tenants added (samples/README.md describes the rest): a
/// compute with an assignment on it, an assignment whose principal was deleted, the same grant made twice, a grant
/// already made at an ancestor, and a custom role for storage alone.
/// </summary>
internal static class EstateTenant
{
    public const string DevRg = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev";
    public const string ProdRg = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod";
    public const string ProdSubscription = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    public const string MlManagementGroup = "/providers/Microsoft.Management/managementGroups/contoso-ml";
    public const string ErinCompute = Contoso.DevWorkspace + "/computes/ci-erin";
    public const string Erin = "01e6e8a6-ed41-4df2-a4a6-84626f31a73d";
    public const string Carol = "d0a750e3-0e35-4166-afb7-2ba4596dbd90";
    public const string Deleted = "7d2c1f0e-93b4-4d8a-9c55-0f1e2d3c4b5a";
    public const string StorageOnlyRole = "3c1b2a4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string Reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    public const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string DataScientist = "f6c7c914-8db3-469d-8ca1-694a8f32e121";

    public static Tenant Tenant { get; } = Build();

    public static AccessEvaluator Evaluator { get; } = new(Tenant);

    private static Tenant Build()
    {
        var sample = Contoso.Evaluator.Tenant;
        var storageOnly = new RoleDefinition
        {
            Id = StorageOnlyRole,
            Name = "Blob Lister Custom",
            IsCustom = true,
            Permissions = new[] { new Permission { Actions = new[] { "Microsoft.Storage/storageAccounts/blobServices/containers/read" } } },
            AssignableScopes = new[] { DevRg },
        };
        var added = new[]
        {
            // Erin starts and stops her own compute instance: an assignment on a compute.
            Assignment("a1000000-0000-4000-8000-000000000001", ErinCompute, "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815", Erin, PrincipalType.User),
            // A user deleted from the directory (in no principals or groups section).
            Assignment("a1000000-0000-4000-8000-000000000002", DevRg, Reader, Deleted, PrincipalType.User),
            // Erin's AzureML Data Scientist on mlw-dev made a second time.
            Assignment("a1000000-0000-4000-8000-000000000003", Contoso.DevWorkspace, DataScientist, Erin, PrincipalType.User),
            // Carol's Owner on rg-ml-prod, which her Owner on the subscription already grants.
            Assignment("a1000000-0000-4000-8000-000000000004", ProdRg, Owner, Carol, PrincipalType.User),
            // A custom role that only lists blob containers, on sp-mlops.
            Assignment("a1000000-0000-4000-8000-000000000005", DevRg, StorageOnlyRole, Contoso.SpMlops, PrincipalType.ServicePrincipal),
        };
        return sample with
        {
            RoleDefinitions = sample.RoleDefinitions.Append(storageOnly).ToList(),
            RoleAssignments = sample.RoleAssignments.Concat(added).ToList(),
            Source = "the sample tenant with estate findings",
            // Without the sample's resource sections: here a compute is a resource only where an assignment names it
            // (the computes a snapshot lists are resources too: AmlResourcesTests).
            Resources = ResourceInventory.Empty,
        };
    }

    private static RoleAssignment Assignment(string name, string scope, string role, string principal, PrincipalType type) => new()
    {
        Id = $"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}",
        RoleDefinitionId = role,
        PrincipalId = principal,
        PrincipalType = type,
        Scope = scope,
    };
}
