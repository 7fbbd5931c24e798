using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A deny assignment in ARM's shape <c>{ id, name, properties: { denyAssignmentName, description, permissions,
/// scope, doNotApplyToChildScopes, principals: [{ id, type }], excludePrincipals, isSystemProtected } }</c>
/// or Get-AzDenyAssignment's <c>{ Id, DenyAssignmentName, Description, Actions..., Scope,
/// DoNotApplyToChildScopes, Principals: [{ ObjectId, ObjectType, DisplayName }], ExcludePrincipals,
/// IsSystemProtected }</c> ([DA], [AZPS-AUTH] PSDenyAssignment, [SPEC-DA]).
/// </summary>
internal static class DenyAssignmentShape
{
    public static DenyAssignment Read(SourceItem item)
    {
        var body = item.Item("properties") ?? item;
        return new DenyAssignment
        {
            Id = item.RequiredString("id"),
            Name = body.String("denyAssignmentName"),
            Description = body.String("description"),
            Permissions = PermissionShape.ReadAll(body),
            Scope = body.Scope("scope"),
            Principals = body.Items("principals").Select(PrincipalId).ToList(),
            ExcludePrincipals = body.Items("excludePrincipals").Select(PrincipalId).ToList(),
            DoNotApplyToChildScopes = body.Bool("doNotApplyToChildScopes"),
            IsSystemProtected = body.Bool("isSystemProtected"),
        };
    }

    private static string PrincipalId(SourceItem principal) =>
        ObjectIds.NormalizePrincipal(principal.RequiredString("id", "objectId"));
}
