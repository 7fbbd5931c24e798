using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AmlRbac.Model;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// The Microsoft Graph v1.0 routes the live source uses (microsoft-graph-docs api-reference/v1.0):
/// directoryObjects/getByIds, getMemberObjects, {users|groups|servicePrincipals|directoryObjects}/{id}/transitiveMemberOf,
/// groups/{id}/members and transitiveMembers, users/groups/servicePrincipals filtered by userPrincipalName,
/// displayName or appId, a user by id or sign-in name, and $batch (json-batching: up to 20 requests,
/// each answered with its own id, status, headers and body).
/// </summary>
internal static class GraphRoutes
{
    public const int BatchLimit = 20;

    private const string Kinds = "(?<kind>users|groups|servicePrincipals|directoryObjects)";

    public static void Register(RouteTable routes)
    {
        routes.Add("POST", "/v1\\.0/directoryObjects/getByIds", null, GetByIds);
        routes.Add("POST", "/v1\\.0/" + Kinds + "/(?<id>[^/]+)/getMemberObjects", null, GetMemberObjects);
        routes.Add("GET", "/v1\\.0/" + Kinds + "/(?<id>[^/]+)/transitiveMemberOf(/microsoft\\.graph\\.group)?", null, TransitiveMemberOf);
        routes.Add("GET", "/v1\\.0/groups/(?<id>[^/]+)/members", null, r => Members(r, transitive: false));
        routes.Add("GET", "/v1\\.0/groups/(?<id>[^/]+)/transitiveMembers", null, r => Members(r, transitive: true));
        routes.Add("GET", "/v1\\.0/(?<kind>users|groups|servicePrincipals)", null, Collection);
        routes.Add("GET", "/v1\\.0/(?<kind>users|groups|servicePrincipals)/(?<id>[^/]+)", null, One);
    }

    /// <summary>A directory object in Graph's shape, with the @odata.type that tells users, groups and service principals apart.</summary>
    public static JsonObject Item(Principal principal)
    {
        var item = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + principal.Type switch
            {
                PrincipalType.Group => "group",
                PrincipalType.ServicePrincipal => "servicePrincipal",
                PrincipalType.Device => "device",
                _ => "user",
            },
            ["id"] = principal.Id,
            ["displayName"] = principal.DisplayName,
        };
        if (principal.Type == PrincipalType.ServicePrincipal)
        {
            item["appId"] = principal.AppId;
        }
        else if (principal.Type != PrincipalType.Group)
        {
            item["userPrincipalName"] = principal.UserPrincipalName;
        }
        return item;
    }

    private static EmulatorResult GetByIds(EmulatorRequest request)
    {
        var ids = request.Body?["ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
        if (ids is null || ids.Count > 1000)
        {
            return EmulatorResult.Error(400, "Request_BadRequest", "ids must hold 1 to 1000 ids.");
        }
        var types = request.Body?["types"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var found = request.Store.Read(s => ids.Select(s.DirectoryObject).OfType<Principal>()
            .Where(p => types is null || types.Any(t => string.Equals(TypeName(p.Type), t, StringComparison.OrdinalIgnoreCase)))
            .Select(p => (JsonNode?)Item(p)).ToArray());
        return EmulatorResult.Ok(new JsonObject { ["value"] = new JsonArray(found) });
    }

    private static EmulatorResult GetMemberObjects(EmulatorRequest request)
    {
        var id = request.Capture("id");
        var groups = request.Store.Read(s => s.DirectoryObject(id) is null ? null : s.TransitiveGroupsOf(id).Select(g => (JsonNode?)g.Id).ToArray());
        return groups is null ? NotFound(id) : EmulatorResult.Ok(new JsonObject { ["value"] = new JsonArray(groups) });
    }

    private static EmulatorResult TransitiveMemberOf(EmulatorRequest request)
    {
        var id = request.Capture("id");
        var groups = request.Store.Read(s => s.DirectoryObject(id) is null ? null
            : s.TransitiveGroupsOf(id).Select(g => (JsonNode)Item(new Principal { Id = g.Id, Type = PrincipalType.Group, DisplayName = g.DisplayName })).ToList());
        return groups is null ? NotFound(id) : Paging.Graph(request, groups);
    }

    private static EmulatorResult Members(EmulatorRequest request, bool transitive)
    {
        var id = ObjectIds.NormalizePrincipal(request.Capture("id"));
        var members = request.Store.Read(s =>
        {
            var group = s.Groups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase));
            if (group is null)
            {
                return null;
            }
            var ids = transitive ? s.TransitiveMembersOf(id) : group.Members;
            return ids.Select(m => (JsonNode)Item(s.DirectoryObject(m) ?? new Principal { Id = m })).ToList();
        });
        return members is null ? NotFound(id) : Paging.Graph(request, members);
    }

    // ?$filter=userPrincipalName eq '…' | displayName eq '…' | appId eq '…' (OData: '' is a quote).
    private static EmulatorResult Collection(EmulatorRequest request)
    {
        var kind = request.Capture("kind");
        var filter = request.Parameter("$filter");
        var match = filter is null ? null : Regex.Match(filter, "^\\s*(?<field>userPrincipalName|displayName|appId)\\s+eq\\s+'(?<value>(?:[^']|'')*)'\\s*$", RegexOptions.IgnoreCase);
        if (filter is not null && !match!.Success)
        {
            return EmulatorResult.Error(400, "Request_UnsupportedQuery", $"Unsupported query: '{filter}'.");
        }
        var type = kind.ToLowerInvariant() switch { "users" => PrincipalType.User, "groups" => PrincipalType.Group, _ => PrincipalType.ServicePrincipal };
        var items = request.Store.Read(s => s.DirectoryObjects().Where(p => p.Type == type || (type == PrincipalType.User && p.Type == PrincipalType.Unknown))
            .Where(p => match is null || string.Equals(Field(p, match.Groups["field"].Value), match.Groups["value"].Value.Replace("''", "'"), StringComparison.OrdinalIgnoreCase))
            .Select(p => (JsonNode)Item(p)).ToList());
        return Paging.Graph(request, items);
    }

    private static EmulatorResult One(EmulatorRequest request)
    {
        var id = request.Capture("id");
        var found = request.Store.Read(s => s.DirectoryObject(id)
            ?? s.Principals.FirstOrDefault(p => string.Equals(p.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase)));
        return found is null ? NotFound(id) : EmulatorResult.Ok(Item(found));
    }

    private static string? Field(Principal principal, string field) => field.ToLowerInvariant() switch
    {
        "userprincipalname" => principal.UserPrincipalName,
        "appid" => principal.AppId,
        _ => principal.DisplayName,
    };

    private static string TypeName(PrincipalType type) => type switch
    {
        PrincipalType.Group => "group",
        PrincipalType.ServicePrincipal => "servicePrincipal",
        PrincipalType.Device => "device",
        _ => "user",
    };

    private static EmulatorResult NotFound(string id) =>
        EmulatorResult.Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
}
