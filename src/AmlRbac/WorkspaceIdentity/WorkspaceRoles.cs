using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// The two built-in roles of the conversion, taken from the catalog (builtin-roles.json, copied from the
/// azure-docs built-in-roles pages): Contributor, and Azure AI Administrator, the role workspaces created
/// after 2024-11-19 give their identity ([MLROLES]).
/// </summary>
internal sealed class WorkspaceRoles
{
    public WorkspaceRoles(AmlCatalog catalog)
    {
        Catalog = catalog;
        Contributor = Get(catalog, "Contributor");
        AzureAIAdministrator = Get(catalog, "Azure AI Administrator");
    }

    public AmlCatalog Catalog { get; }
    public RoleDefinition Contributor { get; }
    public RoleDefinition AzureAIAdministrator { get; }

    public RoleDefinition For(WorkspaceRole role) => role == WorkspaceRole.Contributor ? Contributor : AzureAIAdministrator;

    /// <summary>A role's name, or its GUID when the catalog does not know it (a custom role).</summary>
    public string NameOf(string roleDefinitionId) => Catalog.FindRole(roleDefinitionId)?.Name ?? roleDefinitionId;

    private static RoleDefinition Get(AmlCatalog catalog, string name) =>
        catalog.FindRole(name) ?? throw new AmlRbacException(ErrorIds.RoleNotFound, FailureCategory.ObjectNotFound,
            $"The catalog has no built-in role '{name}'; the workspace identity conversion needs it.", name);
}
