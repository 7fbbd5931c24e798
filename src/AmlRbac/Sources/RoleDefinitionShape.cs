using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A role definition in any of the shapes users have ([AZPS-AUTH], [SPEC-RD]):
/// ARM <c>{ id, name: guid, properties: { roleName, description, type, permissions, assignableScopes } }</c>;
/// <c>az role definition list</c> <c>{ id, name: guid, roleName, roleType, permissions, assignableScopes }</c>;
/// Get-AzRoleDefinition <c>{ Id: guid, Name: role name, IsCustom, Description, AssignableScopes }</c> with
/// either <c>Permissions</c> (Az.Resources 10.0+) or flat Actions... (older).
/// In the first two "name" is the GUID; in the last it is the role's name: the presence of "roleName" tells which.
/// </summary>
internal static class RoleDefinitionShape
{
    public static RoleDefinition Read(SourceItem item)
    {
        var body = item.Item("properties") ?? item;
        var isArm = !ReferenceEquals(body, item);
        var nameIsGuid = isArm || item.Has("roleName");
        return new RoleDefinition
        {
            // The GUID, whatever scope prefix the id carries: Azure matches roles by GUID ([CR]).
            Id = ObjectIds.NormalizeRoleDefinition(nameIsGuid ? item.RequiredString("id", "name") : item.RequiredString("id")),
            Name = nameIsGuid ? body.RequiredString("roleName") : item.RequiredString("name"),
            Description = body.String("description"),
            IsCustom = item.Has("isCustom") ? item.Bool("isCustom") : IsCustomRoleType(body.String("roleType") ?? (isArm ? body.String("type") : null)),
            Permissions = PermissionShape.ReadAll(body),
            // Not checked as scopes: they do not change what a role grants where it is assigned, and the
            // published custom-role examples carry placeholders such as "/subscriptions/<subscriptionId>".
            AssignableScopes = body.Strings("assignableScopes"),
            Source = item.Origin.Name,
        };
    }

    /// <summary>True for "CustomRole", the value ARM's properties.type and the CLI's roleType use for custom roles.</summary>
    private static bool IsCustomRoleType(string? type) => string.Equals(type, "CustomRole", StringComparison.OrdinalIgnoreCase);
}
