using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A role assignment, or a PIM eligible one, in any of the shapes users have ([AZPS-AUTH], [SPEC-RA]):
/// ARM <c>{ id, name, properties: { roleDefinitionId, principalId, principalType, scope, condition, conditionVersion } }</c>
/// (roleEligibilityScheduleInstances, api-version 2020-10-01, have the same properties plus status,
/// roleEligibilityScheduleId, startDateTime, endDateTime, memberType: the spec example
/// GetRoleEligibilityScheduleInstancesByScope.json); <c>az role assignment list</c>, the same fields flat
/// plus principalName; Get-AzRoleAssignment <c>{ RoleAssignmentId, Scope, RoleDefinitionId, ObjectId,
/// ObjectType, Condition, ConditionVersion, DisplayName, SignInName }</c>.
/// </summary>
internal static class RoleAssignmentShape
{
    public static RoleAssignment Read(SourceItem item, bool isEligible)
    {
        var body = item.Item("properties") ?? item;
        // A tenant names a few thousand roles and principals on a million assignments: one string for each
        // per input, when the input keeps a pool (InputOrigin.Strings; scopes are kept so by SourceItem.Scope).
        var strings = item.Origin.Strings;
        string Kept(string text) => strings?.Intern(text) ?? text;
        return new RoleAssignment
        {
            Id = item.RequiredString("id", "roleAssignmentId"),
            // Matched by GUID: the prefix varies (/providers/... in the [SPEC-RA] examples, /subscriptions/{id}/providers/... in [RAL]'s output).
            RoleDefinitionId = Kept(ObjectIds.NormalizeRoleDefinition(body.RequiredString("roleDefinitionId"))),
            PrincipalId = Kept(ObjectIds.NormalizePrincipal(body.RequiredString("principalId", "objectId"))),
            PrincipalType = body.PrincipalType(body.Has("principalType") ? "principalType" : "objectType"),
            Scope = body.Scope("scope"),
            Condition = body.String("condition"),
            ConditionVersion = body.String("conditionVersion"),
            IsEligible = isEligible,
        };
    }

    /// <summary>
    /// The names an exported assignment carries for its principal, so questions can name principals
    /// as users know them: Get-AzRoleAssignment's DisplayName and SignInName, the CLI's principalName
    /// (the sign-in name of a user, a display name or app id otherwise). Null when it carries none (ARM).
    /// </summary>
    public static Principal? NamedPrincipal(SourceItem item, RoleAssignment assignment)
    {
        var displayName = item.String("displayName");
        var signInName = item.String("signInName");
        if (item.String("principalName") is { } principalName)
        {
            if (assignment.PrincipalType == PrincipalType.User)
            {
                signInName ??= principalName;
            }
            else
            {
                displayName ??= principalName;
            }
        }
        return displayName is null && signInName is null
            ? null
            : new Principal { Id = assignment.PrincipalId, Type = assignment.PrincipalType, DisplayName = displayName, UserPrincipalName = signInName };
    }
}
