using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// A Microsoft Graph directory object (user, group, servicePrincipal, device) as getByIds, members and
/// the filtered collections return it: <c>{ "@odata.type": "#microsoft.graph.user", "id", "displayName",
/// "userPrincipalName" }</c>, with appId on service principals (Graph v1.0 resource pages). Managed
/// identities, workspace identities included, are service principals.
/// </summary>
internal static class DirectoryObjectShape
{
    /// <summary>The directory object types the live source asks for ("types" of getByIds).</summary>
    public static readonly string[] PrincipalTypes = { "user", "group", "servicePrincipal" };

    /// <summary>The fields asked for with $select: what a <see cref="Principal"/> holds.</summary>
    public const string Select = "id,displayName,userPrincipalName,appId";

    public static Principal Read(SourceItem item) => new()
    {
        Id = ObjectIds.NormalizePrincipal(item.RequiredString("id")),
        Type = TypeOf(item.String("@odata.type")),
        DisplayName = item.String("displayName"),
        UserPrincipalName = item.String("userPrincipalName"),
        AppId = item.String("appId"),
    };

    private static PrincipalType TypeOf(string? odataType) => odataType?.ToLowerInvariant() switch
    {
        "#microsoft.graph.user" => PrincipalType.User,
        "#microsoft.graph.group" => PrincipalType.Group,
        "#microsoft.graph.serviceprincipal" => PrincipalType.ServicePrincipal,
        "#microsoft.graph.device" => PrincipalType.Device,
        _ => PrincipalType.Unknown,
    };
}
