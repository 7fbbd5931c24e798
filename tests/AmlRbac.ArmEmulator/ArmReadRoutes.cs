using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AmlRbac.Model;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// The ARM GET (and getEntities POST) routes the live source reads, with the $filter forms ARM documents
/// ([SPEC-RA], [SPEC-RD], [SPEC-DA] in docs/SOURCES.md): without a filter a list holds the items at, above and below the scope; atScope() keeps
/// those at or above; assignedTo('{id}') those for the principal or a group it is in, transitively
/// ([RAL]); principalId eq '{id}' those naming the principal itself. Above means the scope's id ancestors
/// and, for subscriptions and management groups, the management groups above them.
/// </summary>
internal static partial class ArmReadRoutes
{
    public static readonly string[] AuthorizationVersions = { "2022-04-01" };
    public static readonly string[] EligibilityVersions = { "2020-10-01" };
    public static readonly string[] ManagementGroupVersions = { "2020-05-01", "2021-04-01", "2023-04-01" };

    /// <summary>Workspace api-versions: stable ones and the preview that carries allowRoleAssignmentOnRG ([SPEC-WS], [SPEC-WS-STABLE]).</summary>
    public static readonly string[] WorkspaceVersions = { "2024-10-01", "2025-01-01-preview", "2025-09-01" };

    private const string Authorization = "/providers/Microsoft\\.Authorization/";
    private const string WorkspacesPath = "/providers/Microsoft\\.MachineLearningServices/workspaces";

    public static void Register(RouteTable routes)
    {
        Register(new SubscriptionCheckedRoutes(routes));
    }

    private static void Register(SubscriptionCheckedRoutes routes)
    {
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "roleDefinitions", AuthorizationVersions, RoleDefinitions);
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "roleDefinitions/(?<name>[^/]+)", AuthorizationVersions, RoleDefinition);
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "roleAssignments", AuthorizationVersions,
            r => Assignments(r, r.Store.RoleAssignments));
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "roleAssignments/(?<name>[^/]+)", AuthorizationVersions,
            r => ById(r, r.Store.RoleAssignments));
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "roleEligibilityScheduleInstances", EligibilityVersions,
            r => Assignments(r, r.Store.EligibilityScheduleInstances));
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "denyAssignments", AuthorizationVersions, DenyAssignments);
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "denyAssignments/(?<name>[^/]+)", AuthorizationVersions,
            r => ById(r, r.Store.DenyAssignments));
        routes.Add("POST", "/providers/Microsoft\\.Management/getEntities", ManagementGroupVersions, Entities);
        routes.Add("GET", "/providers/Microsoft\\.Management/managementGroups/(?<group>[^/]+)/descendants", ManagementGroupVersions, Descendants);
        routes.Add("GET", "(?<container>/subscriptions/[^/]+(/resourceGroups/[^/]+)?)" + WorkspacesPath, WorkspaceVersions, Workspaces);
        routes.Add("GET", "/subscriptions/[^/]+/resourceGroups/[^/]+" + WorkspacesPath + "/[^/]+", WorkspaceVersions, Workspace);
    }

    /// <summary>
    /// Real ARM answers any request under a subscription the tenant does not hold with 404
    /// SubscriptionNotFound (ARM's error shape; "The subscription '{id}' could not be found."), not with an
    /// empty list. Known subscriptions are those under a management group or named in a served item's id
    /// or assignable scopes.
    /// </summary>
    internal static EmulatorResult? UnknownSubscription(EmulatorRequest request)
    {
        if (SubscriptionOf(request.Path) is not { } id)
        {
            return null;
        }
        var known = request.Store.Memo("subscriptions", KnownSubscriptions).Contains(id);
        return known ? null : EmulatorResult.Error(404, "SubscriptionNotFound", $"The subscription '{id}' could not be found.");
    }

    private static HashSet<string> KnownSubscriptions(EmulatorStore s)
    {
        var known = new HashSet<string>(s.ManagementGroups.SelectMany(g => g.Subscriptions), StringComparer.OrdinalIgnoreCase);
        void Add(string? scope)
        {
            if (scope is not null && SubscriptionOf(scope) is { } id)
            {
                known.Add(id);
            }
        }
        foreach (var item in s.RoleAssignments.Concat(s.DenyAssignments).Concat(s.EligibilityScheduleInstances).Concat(s.RoleDefinitions)
            .Concat(s.PolicyDefinitions).Concat(s.PolicySetDefinitions).Concat(s.PolicyAssignments).Concat(s.PolicyExemptions))
        {
            Add(item["id"]?.GetValue<string>());
        }
        foreach (var scope in s.RoleDefinitions.SelectMany(d => d["properties"]?["assignableScopes"]?.AsArray() ?? new JsonArray()))
        {
            Add(scope?.GetValue<string>());
        }
        foreach (var workspace in s.Workspaces.Keys)
        {
            Add(workspace);
        }
        return known;
    }

    // The subscription a path or scope lies in, or null outside any ("/subscriptions/{id}/...").
    private static string? SubscriptionOf(string path) =>
        Regex.Match(path, "^/subscriptions/(?<id>[^/]+)", RegexOptions.IgnoreCase) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>Adds routes whose handlers first answer 404 SubscriptionNotFound for a subscription the tenant does not hold.</summary>
    private sealed class SubscriptionCheckedRoutes
    {
        private readonly RouteTable _routes;

        public SubscriptionCheckedRoutes(RouteTable routes) => _routes = routes;

        public void Add(string method, string pathPattern, IReadOnlyCollection<string>? apiVersions, RouteHandler handler) =>
            _routes.Add(method, pathPattern, apiVersions, request => UnknownSubscription(request) ?? handler(request));
    }

    private static EmulatorResult RoleDefinitions(EmulatorRequest request)
    {
        var scope = AskedScope(request);
        var filter = request.Parameter("$filter");
        var below = filter is not null && filter.Contains("atScopeAndBelow()", StringComparison.OrdinalIgnoreCase);
        var roleName = Quoted(filter, "roleName eq");
        var type = Quoted(filter, "type eq");
        var items = request.Store.Read(s =>
        {
            var tree = new Hierarchy(s.ManagementGroups);
            return s.RoleDefinitions.Where(d =>
            {
                var properties = d["properties"]!;
                var scopes = properties["assignableScopes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
                var visible = scopes.Count == 0 || scopes.Any(a => tree.IsAtOrAbove(a, scope) || (below && tree.IsAtOrAbove(scope, a)));
                return visible
                    && (roleName is null || string.Equals(properties["roleName"]?.GetValue<string>(), roleName, StringComparison.OrdinalIgnoreCase))
                    && (type is null || string.Equals(properties["type"]?.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase));
            }).Select(d => d.DeepClone()).ToList();
        });
        return Paging.Arm(request, items);
    }

    private static EmulatorResult RoleDefinition(EmulatorRequest request)
    {
        var name = request.Capture("name");
        var found = request.Store.Read(s => s.RoleDefinitions.FirstOrDefault(d => string.Equals(d["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase))?.DeepClone());
        return found is null
            ? EmulatorResult.Error(404, "RoleDefinitionDoesNotExist", "The specified role definition with ID '" + name + "' does not exist.")
            : EmulatorResult.Ok(found);
    }

    private static EmulatorResult Assignments(EmulatorRequest request, List<JsonObject> source)
    {
        var scope = AskedScope(request);
        var filter = ParseFilter(request);
        if (filter.Error is { } error)
        {
            return error;
        }
        var items = request.Store.Read(s =>
        {
            var tree = new Hierarchy(s.ManagementGroups);
            var principals = filter.AssignedTo is { } who ? Closure(s, who) : null;
            return source.Where(a =>
            {
                var properties = a["properties"]!;
                var itemScope = properties["scope"]!.GetValue<string>();
                var principal = ObjectIds.NormalizePrincipal(properties["principalId"]!.GetValue<string>());
                return tree.Visible(itemScope, scope, filter.AtScope)
                    && (principals is null || principals.Contains(principal))
                    && (filter.PrincipalId is null || string.Equals(principal, filter.PrincipalId, StringComparison.OrdinalIgnoreCase));
            }).Select(a => a.DeepClone()).ToList();
        });
        return Paging.Arm(request, items);
    }

    private static EmulatorResult DenyAssignments(EmulatorRequest request)
    {
        var scope = AskedScope(request);
        var filter = ParseFilter(request);
        if (filter.Error is { } error)
        {
            return error;
        }
        var items = request.Store.Read(s =>
        {
            var tree = new Hierarchy(s.ManagementGroups);
            var principals = filter.AssignedTo is { } who ? Closure(s, who) : null;
            return s.DenyAssignments.Where(d =>
            {
                var properties = d["properties"]!;
                var named = properties["principals"]!.AsArray().Select(p => ObjectIds.NormalizePrincipal(p!["id"]!.GetValue<string>())).ToList();
                return tree.Visible(properties["scope"]!.GetValue<string>(), scope, filter.AtScope)
                    && (principals is null || named.Any(p => p == ObjectIds.AllPrincipals || principals.Contains(p)))
                    && (filter.PrincipalId is null || named.Contains(filter.PrincipalId, StringComparer.OrdinalIgnoreCase));
            }).Select(d => d.DeepClone()).ToList();
        });
        return Paging.Arm(request, items);
    }

    private static EmulatorResult ById(EmulatorRequest request, List<JsonObject> source)
    {
        var id = request.Path;
        var found = request.Store.Read(s => source.FirstOrDefault(i => string.Equals(i["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase))?.DeepClone());
        return found is null ? EmulatorResult.NotFound(id) : EmulatorResult.Ok(found);
    }

    // GetEntities.json (managementgroups stable/2023-04-01): management groups with properties.parent.id;
    // subscriptions as "/subscriptions/{id}" with type "/subscriptions".
    private static EmulatorResult Entities(EmulatorRequest request)
    {
        var items = request.Store.Read(s => s.ManagementGroups.Select(g => (JsonNode)ManagementGroupItem(g))
            .Concat(s.ManagementGroups.SelectMany(g => g.Subscriptions.Select(sub => (JsonNode)SubscriptionItem(sub, g.Id, "/subscriptions"))))
            .ToList());
        return Paging.Arm(request, items);
    }

    // GetDescendants.json: every management group and subscription below the group.
    private static EmulatorResult Descendants(EmulatorRequest request)
    {
        var root = request.Capture("group");
        var items = request.Store.Read(s =>
        {
            if (!s.ManagementGroups.Any(g => string.Equals(g.Id, root, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var tree = new Hierarchy(s.ManagementGroups);
            var below = s.ManagementGroups.Where(g => !string.Equals(g.Id, root, StringComparison.OrdinalIgnoreCase)
                && tree.IsAtOrAbove(Scope.ForManagementGroup(root).Value, Scope.ForManagementGroup(g.Id).Value)).ToList();
            var groups = below.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = Scope.ForManagementGroup(g.Id).Value,
                ["type"] = "Microsoft.Management/managementGroups",
                ["name"] = g.Id,
                ["properties"] = new JsonObject { ["displayName"] = g.Id, ["parent"] = new JsonObject { ["id"] = Scope.ForManagementGroup(g.Parent!).Value } },
            });
            var subscriptions = s.ManagementGroups.Where(g => string.Equals(g.Id, root, StringComparison.OrdinalIgnoreCase) || below.Contains(g))
                .SelectMany(g => g.Subscriptions.Select(sub => (JsonNode)SubscriptionItem(sub, g.Id, "Microsoft.Management/managementGroups/subscriptions")));
            return groups.Concat(subscriptions).ToList();
        });
        return items is null ? EmulatorResult.Error(404, "NotFound", $"Management group '{root}' was not found.") : Paging.Arm(request, items);
    }

    private static EmulatorResult Workspaces(EmulatorRequest request)
    {
        var container = request.Capture("container");
        var items = request.Store.Read(s => s.Workspaces.Values
            .Where(w => Scope.IsAtOrAbove(container, w["id"]!.GetValue<string>()))
            .Select(w => WorkspaceAtVersion(w, request.Parameter("api-version")!))
            .ToList());
        return Paging.Arm(request, items);
    }

    private static EmulatorResult Workspace(EmulatorRequest request)
    {
        var found = request.Store.Read(s => s.Workspaces.TryGetValue(request.Path, out var w) ? WorkspaceAtVersion(w, request.Parameter("api-version")!) : null);
        return found is null
            ? EmulatorResult.Error(404, "ResourceNotFound", $"The Resource 'Microsoft.MachineLearningServices/workspaces/{request.Path[(request.Path.LastIndexOf('/') + 1)..]}' under resource group was not found.")
            : EmulatorResult.Ok(found);
    }

    /// <summary>A workspace as an api-version shows it: allowRoleAssignmentOnRG exists only in the preview ([SPEC-WS]).</summary>
    internal static JsonNode WorkspaceAtVersion(JsonObject workspace, string apiVersion)
    {
        var copy = workspace.DeepClone().AsObject();
        if (!apiVersion.EndsWith("-preview", StringComparison.OrdinalIgnoreCase))
        {
            copy["properties"]?.AsObject().Remove("allowRoleAssignmentOnRG");
        }
        return copy;
    }

    private static JsonObject ManagementGroupItem(ManagementGroup group) => new()
    {
        ["id"] = Scope.ForManagementGroup(group.Id).Value,
        ["type"] = "Microsoft.Management/managementGroups",
        ["name"] = group.Id,
        ["properties"] = new JsonObject
        {
            ["tenantId"] = "00000000-0000-0000-0000-000000000000",
            ["displayName"] = group.Id,
            ["parent"] = group.Parent is null ? null : new JsonObject { ["id"] = Scope.ForManagementGroup(group.Parent).Value },
            ["permissions"] = "view",
        },
    };

    private static JsonObject SubscriptionItem(string subscription, string group, string type) => new()
    {
        ["id"] = "/subscriptions/" + subscription,
        ["type"] = type,
        ["name"] = subscription,
        ["properties"] = new JsonObject
        {
            ["displayName"] = subscription,
            ["parent"] = new JsonObject { ["id"] = Scope.ForManagementGroup(group).Value },
        },
    };

    internal static string AskedScope(EmulatorRequest request)
    {
        var scope = request.Capture("scope");
        return scope.Length == 0 ? "/" : scope;
    }

    // The principal and every group it is in, transitively (what assignedTo() matches).
    private static HashSet<string> Closure(EmulatorStore store, string principalId)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ObjectIds.NormalizePrincipal(principalId) };
        ids.UnionWith(store.TransitiveGroupsOf(principalId).Select(g => g.Id));
        return ids;
    }

    private static Filter ParseFilter(EmulatorRequest request)
    {
        var text = request.Parameter("$filter");
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Filter(false, null, null, null);
        }
        var atScope = false;
        string? assignedTo = null, principalId = null;
        foreach (var clause in Regex.Split(text.Trim(), "\\s+and\\s+", RegexOptions.IgnoreCase))
        {
            Match match;
            if (clause.Equals("atScope()", StringComparison.OrdinalIgnoreCase))
            {
                atScope = true;
            }
            else if ((match = Regex.Match(clause, "^assignedTo\\('(?<id>[^']+)'\\)$", RegexOptions.IgnoreCase)).Success)
            {
                assignedTo = match.Groups["id"].Value;
            }
            else if ((match = Regex.Match(clause, "^principalId\\s+eq\\s+'?(?<id>[0-9a-fA-F-]+)'?$", RegexOptions.IgnoreCase)).Success)
            {
                principalId = ObjectIds.NormalizePrincipal(match.Groups["id"].Value);
            }
            else
            {
                return new Filter(false, null, null, EmulatorResult.Error(400, "UnsupportedQuery", $"The filter '{text}' is not supported."));
            }
        }
        return new Filter(atScope, assignedTo, principalId, null);
    }

    private static string? Quoted(string? filter, string prefix)
    {
        if (filter is null)
        {
            return null;
        }
        var match = Regex.Match(filter, Regex.Escape(prefix) + "\\s*'(?<value>(?:[^']|'')*)'", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["value"].Value.Replace("''", "'") : null;
    }

    private sealed record Filter(bool AtScope, string? AssignedTo, string? PrincipalId, EmulatorResult? Error);

    /// <summary>Scope ancestry with management groups: a subscription sits under its group, a group under its parent.</summary>
    internal sealed class Hierarchy
    {
        private readonly IReadOnlyList<ManagementGroup> _groups;

        public Hierarchy(IReadOnlyList<ManagementGroup> groups) => _groups = groups;

        /// <summary>Whether an item at <paramref name="itemScope"/> is in the list asked at <paramref name="asked"/>.</summary>
        public bool Visible(string itemScope, string asked, bool atScopeOnly) =>
            IsAtOrAbove(itemScope, asked) || (!atScopeOnly && IsAtOrAbove(asked, itemScope));

        public bool IsAtOrAbove(string ancestor, string scope) =>
            Chain(scope).Any(s => string.Equals(s.TrimEnd('/'), ancestor.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) || ancestor == "/");

        // The scope, its id ancestors, then the management groups above its subscription or group.
        private IEnumerable<string> Chain(string scope)
        {
            var parsed = Scope.Parse(scope);
            string? group = null;
            for (var current = parsed; current is not null; current = current.Parent)
            {
                yield return current.Value;
                if (current.Level == ScopeLevel.Subscription)
                {
                    group = _groups.FirstOrDefault(g => g.Subscriptions.Contains(current.SubscriptionId!, StringComparer.OrdinalIgnoreCase))?.Id;
                }
                else if (current.Level == ScopeLevel.ManagementGroup)
                {
                    group = _groups.FirstOrDefault(g => string.Equals(g.Id, current.ManagementGroupId, StringComparison.OrdinalIgnoreCase))?.Parent;
                }
                if (current.Level is ScopeLevel.Subscription or ScopeLevel.ManagementGroup)
                {
                    break;
                }
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (; group is not null && seen.Add(group); group = _groups.FirstOrDefault(g => string.Equals(g.Id, group, StringComparison.OrdinalIgnoreCase))?.Parent)
            {
                yield return Scope.ForManagementGroup(group).Value;
            }
        }
    }
}
