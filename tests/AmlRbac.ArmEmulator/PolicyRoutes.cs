using System.Text.Json.Nodes;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Sources;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// The Azure Policy GET routes ([SPEC-PA], [SPEC-PD], [SPEC-PSD], [SPEC-EX] in docs/SOURCES.md), paged like the other lists:
/// <list type="bullet">
/// <item>{scope}/providers/Microsoft.Authorization/policyAssignments and …/policyExemptions at a subscription, resource
/// group or resource: without a filter the items at, above and below the scope ("Without a filter the list also
/// contains assignments on child resources"); atScope() those at or above ("everything in the unfiltered list except
/// those applied to resources contained within"); atExactScope() those at the scope. At a management group, never
/// those below it, filter or not (see <see cref="List"/>). Any other filter is 400, so a client asking for one the
/// emulator does not model finds out.</item>
/// <item>{scope}/providers/Microsoft.Authorization/policyDefinitions/{name} and …/policySetDefinitions/{name}: the
/// tenant's own by id; at the tenant root, the built-in definitions of the embedded catalog too
/// (PolicyDefinitions_GetBuiltIn), as ARM serves its built-ins to every tenant.</item>
/// </list>
/// </summary>
internal static class PolicyRoutes
{
    /// <summary>Stable policy api-versions: 2025-03-01 (swagger read) and 2025-11-01 (examples read), [SPEC-PA].</summary>
    public static readonly string[] PolicyVersions = { "2025-03-01", "2025-11-01" };

    /// <summary>Exemptions exist in preview versions only ([SPEC-EX]).</summary>
    public static readonly string[] ExemptionVersions = { "2022-07-01-preview", "2024-12-01-preview", "2025-12-01-preview" };

    private const string Authorization = "/providers/Microsoft\\.Authorization/";
    private const string ExemptionsSegment = "/providers/Microsoft.Authorization/policyExemptions/";

    public static void Register(RouteTable routes)
    {
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "policyAssignments", PolicyVersions,
            r => List(r, r.Store.PolicyAssignments, a => a["properties"]!["scope"]!.GetValue<string>()));
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "policyExemptions", ExemptionVersions,
            r => List(r, r.Store.PolicyExemptions, ExemptionScope));
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "policyDefinitions/(?<name>[^/]+)", PolicyVersions, Definition);
        routes.Add("GET", RouteTable.ScopePattern + Authorization + "policySetDefinitions/(?<name>[^/]+)", PolicyVersions,
            r => ById(r, r.Store.Read(s => s.PolicySetDefinitions.Select(d => d.DeepClone()).ToList()), "PolicySetDefinitionNotFound", "policy set definition"));
    }

    private static EmulatorResult List(EmulatorRequest request, List<JsonObject> source, Func<JsonObject, string> scopeOf)
    {
        var scope = ArmReadRoutes.AskedScope(request);
        var filter = request.Parameter("$filter")?.Trim();
        Func<string, bool>? exact = null;
        // PolicyAssignments_ListForManagementGroup and PolicyExemptions_ListForManagementGroup ([SPEC-PA], [SPEC-EX])
        // describe no list of the scopes below, unlike the subscription and resource-group lists: "This operation
        // retrieves the list of all policy assignments applicable to the management group that match the given
        // $filter. [...] If $filter=atScope() is provided, the returned list includes all policy assignments that are
        // assigned to the management group or the management group's ancestors" (the exemptions operation says the
        // same of exemptions), and 2019-09-01 required the filter ("A filter is required when listing policy
        // assignments at management group scope", azure-rest-api-specs
        // specification/resources/resource-manager/Microsoft.Authorization/stable/2019-09-01/policyAssignments.json).
        // So at a management group the unfiltered list is the atScope() one: at it and above, never below.
        var atScope = Scope.Parse(scope).Level == ScopeLevel.ManagementGroup;
        if (string.Equals(filter, "atScope()", StringComparison.OrdinalIgnoreCase))
        {
            atScope = true;
        }
        else if (string.Equals(filter, "atExactScope()", StringComparison.OrdinalIgnoreCase))
        {
            exact = itemScope => string.Equals(itemScope.TrimEnd('/'), scope.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }
        else if (!string.IsNullOrEmpty(filter))
        {
            return EmulatorResult.Error(400, "InvalidFilterInQueryString", $"The filter '{filter}' is not supported.");
        }
        var items = request.Store.Read(s =>
        {
            var tree = new ArmReadRoutes.Hierarchy(s.ManagementGroups);
            return source.Where(i => exact?.Invoke(scopeOf(i)) ?? tree.Visible(scopeOf(i), scope, atScope)).Select(i => i.DeepClone()).ToList();
        });
        return Paging.Arm(request, items);
    }

    private static EmulatorResult Definition(EmulatorRequest request)
    {
        var own = request.Store.Read(s => s.PolicyDefinitions.Select(d => d.DeepClone()).ToList());
        if (ArmReadRoutes.AskedScope(request) == "/")
        {
            own.AddRange(BuiltIns.Value.Where(b => own.All(o => !SameId(o, b))).Select(b => b.DeepClone()));
        }
        return ById(request, own, "PolicyDefinitionNotFound", "policy definition");
    }

    private static EmulatorResult ById(EmulatorRequest request, IEnumerable<JsonNode> items, string code, string what)
    {
        var found = items.FirstOrDefault(i => string.Equals(i["id"]?.GetValue<string>(), request.Path, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? EmulatorResult.Error(404, code, $"The {what} '{request.Capture("name")}' could not be found.")
            : EmulatorResult.Ok(found);
    }

    private static bool SameId(JsonNode a, JsonNode b) =>
        string.Equals(a["id"]?.GetValue<string>(), b["id"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

    // An exemption is a child resource of the scope it exempts [EXEMPT]: its id's prefix.
    private static string ExemptionScope(JsonObject exemption)
    {
        var id = exemption["id"]!.GetValue<string>();
        var at = id.IndexOf(ExemptionsSegment, StringComparison.OrdinalIgnoreCase);
        return at <= 0 ? "/" : id[..at];
    }

    // The embedded built-ins in ARM's item shape, written by the same writer as a snapshot's policyDefinitions.
    private static readonly Lazy<IReadOnlyList<JsonObject>> BuiltIns = new(() =>
    {
        var json = SnapshotWriter.ToJson(Tenant.Empty with { Policy = new PolicyState { Definitions = PolicyCatalog.Default.Definitions } });
        return JsonNode.Parse(json)!["policyDefinitions"]!.AsArray().Select(n => n!.AsObject()).ToList();
    });
}
