using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Tells which of the shapes an item is and reads it, for inputs that mix them: a file that is a JSON
/// array (<c>Get-AzRoleAssignment | ConvertTo-Json</c>), one ARM list page, a single exported object,
/// or Az objects piped into a cmdlet. ARM and the Azure CLI name the resource type in "type"; Az objects
/// have no type, so their fields decide ([AZPS-AUTH]).
/// </summary>
internal static class AuthorizationItem
{
    // roleName: ARM and the CLI; IsCustom: Get-AzRoleDefinition; Permissions or flat Actions: hand-written roles.
    private static readonly string[] RoleDefinitionFields = { "roleName", "isCustom", "permissions", "actions", "dataActions" };

    // ARM resource types (Microsoft.Authorization/...; the PIM spec example writes RoleEligibilityScheduleInstances).
    private static readonly (string Suffix, AuthorizationItemKind Kind)[] ResourceTypes =
    {
        ("/roleAssignments", AuthorizationItemKind.RoleAssignment),
        ("/roleEligibilityScheduleInstances", AuthorizationItemKind.EligibleRoleAssignment),
        ("/roleDefinitions", AuthorizationItemKind.RoleDefinition),
        ("/denyAssignments", AuthorizationItemKind.DenyAssignment),
    };

    /// <summary>What the item is, or <see cref="AmlRbacException"/> from its origin naming what is missing.</summary>
    public static AuthorizationItemKind Detect(SourceItem item)
    {
        if (item.String("type") is { } type)
        {
            foreach (var (suffix, kind) in ResourceTypes)
            {
                if (type.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }
        }
        var body = item.Item("properties") ?? item;
        if (body.Has("denyAssignmentName"))
        {
            return AuthorizationItemKind.DenyAssignment;
        }
        if (body.Has("roleEligibilityScheduleId"))
        {
            return AuthorizationItemKind.EligibleRoleAssignment;
        }
        if (body.Has("roleDefinitionId") && (body.Has("principalId") || body.Has("objectId")))
        {
            return AuthorizationItemKind.RoleAssignment;
        }
        if (RoleDefinitionFields.Any(body.Has))
        {
            return AuthorizationItemKind.RoleDefinition;
        }
        throw item.Invalid(
            "it is not a role assignment (no roleDefinitionId with principalId or ObjectId), a role definition " +
            "(no roleName, IsCustom, Permissions or Actions) or a deny assignment (no denyAssignmentName).");
    }

    /// <summary>The item read as a <see cref="RoleAssignment"/>, <see cref="RoleDefinition"/> or <see cref="DenyAssignment"/>.</summary>
    public static object Read(SourceItem item, AuthorizationItemKind kind) => kind switch
    {
        AuthorizationItemKind.RoleAssignment => RoleAssignmentShape.Read(item, isEligible: false),
        AuthorizationItemKind.EligibleRoleAssignment => RoleAssignmentShape.Read(item, isEligible: true),
        AuthorizationItemKind.RoleDefinition => RoleDefinitionShape.Read(item),
        _ => DenyAssignmentShape.Read(item),
    };
}

/// <summary>The kinds of item a source may hold.</summary>
internal enum AuthorizationItemKind
{
    RoleAssignment,
    EligibleRoleAssignment,
    RoleDefinition,
    DenyAssignment,
}
