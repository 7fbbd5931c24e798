using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The snapshot's own sections, which no Azure API returns in one call: groups with their direct
/// members, the management-group hierarchy, and names of principals.
/// </summary>
internal static class DirectoryShapes
{
    /// <summary><c>{ "id": "&lt;objectId&gt;", "displayName": "...", "members": ["&lt;objectId&gt;", ...] }</c>; members may be groups.</summary>
    public static Group ReadGroup(SourceItem item) => new()
    {
        Id = ObjectIds.NormalizePrincipal(item.RequiredString("id")),
        DisplayName = item.String("displayName"),
        Members = item.Strings("members").Select(ObjectIds.NormalizePrincipal).ToList(),
    };

    /// <summary><c>{ "id": "&lt;name&gt;", "parent": "&lt;name or null&gt;", "subscriptions": ["&lt;subscriptionId&gt;"] }</c>.</summary>
    public static ManagementGroup ReadManagementGroup(SourceItem item)
    {
        var subscriptions = item.Strings("subscriptions");
        for (var i = 0; i < subscriptions.Count; i++)
        {
            if (!ObjectIds.IsGuid(subscriptions[i]))
            {
                throw item.Invalid($"subscriptions[{i}]", $"'{subscriptions[i]}' is not a subscription id (a GUID).");
            }
        }
        return new ManagementGroup
        {
            Id = ManagementGroupName(item, "id", item.RequiredString("id")),
            Parent = item.String("parent") is { } parent ? ManagementGroupName(item, "parent", parent) : null,
            Subscriptions = subscriptions.Select(s => s.Trim()).ToList(),
        };
    }

    /// <summary><c>{ "id", "type", "displayName", "userPrincipalName", "appId" }</c>.</summary>
    public static Principal ReadPrincipal(SourceItem item) => new()
    {
        Id = ObjectIds.NormalizePrincipal(item.RequiredString("id")),
        Type = item.PrincipalType("type"),
        DisplayName = item.String("displayName"),
        UserPrincipalName = item.String("userPrincipalName"),
        AppId = item.String("appId"),
    };

    // The evaluator builds /providers/Microsoft.Management/managementGroups/{name} from it, so the name must
    // make a valid scope: a name, not a resource id.
    private static string ManagementGroupName(SourceItem item, string field, string name) =>
        Scope.TryParse("/providers/Microsoft.Management/managementGroups/" + name.Trim(), out _, out var error)
            ? name.Trim()
            : throw item.Invalid(field, $"'{name}' is not a management group name ({error}).");
}
