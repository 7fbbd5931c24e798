using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// An Azure ML workspace in ARM's shape (arm-examples machinelearningservices_2025-01-01-preview_Workspace_get.json):
/// <c>{ id, name, location, identity: { type, principalId, userAssignedIdentities: { "&lt;id&gt;": { principalId, clientId } } },
/// properties: { allowRoleAssignmentOnRG, … } }</c>.
/// </summary>
internal static class WorkspaceShape
{
    public static Workspace Read(SourceItem item)
    {
        var identity = item.Item("identity");
        var userAssigned = identity?.Item("userAssignedIdentities");
        var properties = item.Item("properties");
        return new Workspace
        {
            Id = item.Scope("id"),
            Name = item.RequiredString("name"),
            Location = item.String("location"),
            IdentityType = identity?.String("type"),
            PrincipalId = identity?.String("principalId") is { } principal ? ObjectIds.NormalizePrincipal(principal) : null,
            UserAssignedPrincipalIds = userAssigned is null
                ? Array.Empty<string>()
                : userAssigned.FieldNames
                    .Select(name => userAssigned.Item(name)?.String("principalId"))
                    .OfType<string>()
                    .Select(ObjectIds.NormalizePrincipal)
                    .ToList(),
            AllowRoleAssignmentOnResourceGroup = properties is not null && properties.Has("allowRoleAssignmentOnRG")
                ? properties.Bool("allowRoleAssignmentOnRG")
                : null,
        };
    }
}
