using System.Text.Json.Nodes;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// What the emulator serves, held as ARM's and Graph's own JSON items so that routes answer with the real
/// shapes and a write route can store a request body as ARM would. Built from a <see cref="Tenant"/> through
/// <see cref="SnapshotWriter"/> (whose items are ARM's shapes), and mutable: every read and write goes
/// through <see cref="Read{T}"/> or <see cref="Write"/>, which hold one lock, so routes may run in parallel.
/// <para>
/// To add write routes (workspace PATCH, role assignment PUT/DELETE) in a file of your own: write
/// <c>public sealed partial class ArmEmulator { static partial void AddRoutes(RouteTable routes) { ... } }</c>
/// and register handlers there with <see cref="RouteTable.Add"/>; in a handler, change the store with
/// <c>request.Store.Write(s =&gt; s.RoleAssignments.Add(item))</c>, <c>s.RoleAssignments.RemoveAll(...)</c> or
/// <c>s.Workspaces[id]["properties"]!["allowRoleAssignmentOnRG"] = true</c>. Reads see the change at once,
/// and <see cref="ToTenant"/> reads the store back as a tenant for assertions.
/// </para>
/// </summary>
public sealed class EmulatorStore
{
    private readonly object _gate = new();

    // What was worked out from the store while it is unchanged (every change goes through Write, which
    // drops it): the subscriptions it holds, and the lists whose later pages a client is reading. A list
    // was rebuilt for every page of 100; at 1,000,000 items that made serving one export quadratic.
    private readonly Dictionary<string, object> _memos = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, IReadOnlyList<JsonNode> Items)> _listings = new();
    private const int ListingsKept = 8;

    public EmulatorStore(Tenant tenant, IReadOnlyList<EmulatedWorkspace>? workspaces = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var document = JsonNode.Parse(SnapshotWriter.ToJson(tenant))!.AsObject();
        RoleDefinitions = Items(document, "roleDefinitions");
        RoleAssignments = Items(document, "roleAssignments");
        EligibilityScheduleInstances = Items(document, "roleEligibilityScheduleInstances");
        DenyAssignments = Items(document, "denyAssignments");
        PolicyDefinitions = Items(document, "policyDefinitions");
        PolicySetDefinitions = Items(document, "policySetDefinitions");
        PolicyAssignments = Items(document, "policyAssignments");
        PolicyExemptions = Items(document, "policyExemptions");
        ManagementGroups = tenant.ManagementGroups.ToList();
        Groups = tenant.Groups.ToList();
        Principals = tenant.Principals.ToList();
        Workspaces = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        // The workspaces given; else the tenant's own (its workspaces section, as ARM wrote them, so a test's
        // posture settings are served whole), then those derived from its assignments for the ids it lacks.
        foreach (var workspace in workspaces ?? Array.Empty<EmulatedWorkspace>())
        {
            Workspaces[workspace.Id] = WorkspaceItem(workspace);
        }
        if (workspaces is null)
        {
            foreach (var workspace in OptionalItems(document, "workspaces"))
            {
                Workspaces[workspace["id"]!.GetValue<string>()] = workspace;
            }
            foreach (var workspace in DeriveWorkspaces(tenant))
            {
                Workspaces.TryAdd(workspace.Id, WorkspaceItem(workspace));
            }
        }
        Computes = OptionalItems(document, "computes");
        PrivateEndpointConnections = OptionalItems(document, "privateEndpointConnections");
        DiagnosticSettings = OptionalItems(document, "diagnosticSettings");
        PrivateDnsZoneGroups = OptionalItems(document, "privateDnsZoneGroups");
    }

    /// <summary>ARM role definition items ({ id, name, type, properties: { roleName, permissions, assignableScopes ... } }).</summary>
    public List<JsonObject> RoleDefinitions { get; }

    /// <summary>ARM role assignment items ({ id, name, type, properties: { scope, roleDefinitionId, principalId, principalType ... } }).</summary>
    public List<JsonObject> RoleAssignments { get; }

    /// <summary>ARM roleEligibilityScheduleInstances items (PIM eligible assignments).</summary>
    public List<JsonObject> EligibilityScheduleInstances { get; }

    /// <summary>ARM deny assignment items.</summary>
    public List<JsonObject> DenyAssignments { get; }

    /// <summary>The tenant's own policy definitions (built-ins are served from the embedded catalog, as ARM serves its own).</summary>
    public List<JsonObject> PolicyDefinitions { get; }

    public List<JsonObject> PolicySetDefinitions { get; }

    /// <summary>ARM policy assignment items ({ id, name, type, properties: { scope, notScopes, policyDefinitionId, parameters, enforcementMode } }).</summary>
    public List<JsonObject> PolicyAssignments { get; }

    /// <summary>ARM policy exemption items ({ id, name, type, properties: { policyAssignmentId, exemptionCategory, expiresOn ... } }).</summary>
    public List<JsonObject> PolicyExemptions { get; }

    public List<ManagementGroup> ManagementGroups { get; }

    /// <summary>Directory groups with their direct members.</summary>
    public List<Group> Groups { get; }

    /// <summary>Directory users and service principals (groups are in <see cref="Groups"/>).</summary>
    public List<Principal> Principals { get; }

    /// <summary>Azure ML workspaces in ARM's 2025-01-01-preview shape, by resource id.</summary>
    public Dictionary<string, JsonObject> Workspaces { get; }

    /// <summary>Compute items ({workspace}/computes/{name}, Compute_List's shape), from the tenant's computes section.</summary>
    public List<JsonObject> Computes { get; }

    /// <summary>Private endpoint connection items ({workspace}/privateEndpointConnections/{name}).</summary>
    public List<JsonObject> PrivateEndpointConnections { get; }

    /// <summary>Diagnostic setting items ({resource}/providers/Microsoft.Insights/diagnosticSettings/{name}).</summary>
    public List<JsonObject> DiagnosticSettings { get; }

    /// <summary>Private DNS zone group items ({private endpoint}/privateDnsZoneGroups/{name}).</summary>
    public List<JsonObject> PrivateDnsZoneGroups { get; }

    /// <summary>Reads under the store's lock; return copies (DeepClone), not the live items.</summary>
    public T Read<T>(Func<EmulatorStore, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    /// <summary>Changes the store under its lock.</summary>
    public void Write(Action<EmulatorStore> write)
    {
        lock (_gate)
        {
            _memos.Clear();
            _listings.Clear();
            write(this);
        }
    }

    /// <summary>A value worked out from the store once until the store next changes.</summary>
    internal T Memo<T>(string key, Func<EmulatorStore, T> compute) where T : class
    {
        lock (_gate)
        {
            if (_memos.TryGetValue(key, out var kept))
            {
                return (T)kept;
            }
            var value = compute(this);
            _memos[key] = value;
            return value;
        }
    }

    /// <summary>Keeps a list whose first page was served, for its next pages (the last few lists only).</summary>
    internal void KeepListing(string key, IReadOnlyList<JsonNode> items)
    {
        lock (_gate)
        {
            ForgetListing(key);
            _listings.AddFirst((key, items));
            while (_listings.Count > ListingsKept)
            {
                _listings.RemoveLast();
            }
        }
    }

    /// <summary>The kept list of that key, or null when the store changed since or it was not kept.</summary>
    internal IReadOnlyList<JsonNode>? KeptListing(string key)
    {
        lock (_gate)
        {
            return _listings.FirstOrDefault(l => l.Key == key).Items;
        }
    }

    /// <summary>Drops a list once its last page was served.</summary>
    internal void ForgetListing(string key)
    {
        lock (_gate)
        {
            for (var node = _listings.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _listings.Remove(node);
                    return;
                }
            }
        }
    }

    /// <summary>The store read back as a tenant (through <see cref="SnapshotReader"/>, as an export would be).</summary>
    public Tenant ToTenant() => Read(s =>
    {
        var document = new JsonObject
        {
            ["schemaVersion"] = SnapshotReader.SchemaVersion,
            ["roleDefinitions"] = ToArray(s.RoleDefinitions),
            ["roleAssignments"] = ToArray(s.RoleAssignments),
            ["roleEligibilityScheduleInstances"] = ToArray(s.EligibilityScheduleInstances),
            ["denyAssignments"] = ToArray(s.DenyAssignments),
            ["policyDefinitions"] = ToArray(s.PolicyDefinitions),
            ["policySetDefinitions"] = ToArray(s.PolicySetDefinitions),
            ["policyAssignments"] = ToArray(s.PolicyAssignments),
            ["policyExemptions"] = ToArray(s.PolicyExemptions),
        };
        var tenant = SnapshotReader.Parse(document.ToJsonString(), "emulator store");
        return tenant with { Groups = s.Groups.ToList(), ManagementGroups = s.ManagementGroups.ToList(), Principals = s.Principals.ToList() };
    });

    /// <summary>The directory object with this id: a principal, or a group (as a principal of type Group).</summary>
    internal Principal? DirectoryObject(string id)
    {
        var normal = ObjectIds.NormalizePrincipal(id);
        var group = Groups.FirstOrDefault(g => string.Equals(g.Id, normal, StringComparison.OrdinalIgnoreCase));
        return group is not null
            ? new Principal { Id = group.Id, Type = PrincipalType.Group, DisplayName = group.DisplayName }
            : Principals.FirstOrDefault(p => string.Equals(p.Id, normal, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every directory object: users and service principals, then groups.</summary>
    internal IEnumerable<Principal> DirectoryObjects() =>
        Principals.Concat(Groups.Select(g => new Principal { Id = g.Id, Type = PrincipalType.Group, DisplayName = g.DisplayName }));

    /// <summary>The groups <paramref name="principalId"/> is in, directly or through nesting (cycles allowed).</summary>
    internal IReadOnlyList<Group> TransitiveGroupsOf(string principalId)
    {
        var found = new List<Group>();
        var queue = new Queue<string>(new[] { ObjectIds.NormalizePrincipal(principalId) });
        while (queue.Count > 0)
        {
            var member = queue.Dequeue();
            foreach (var group in Groups.Where(g => g.Members.Contains(member, StringComparer.OrdinalIgnoreCase)))
            {
                if (!found.Contains(group))
                {
                    found.Add(group);
                    queue.Enqueue(group.Id);
                }
            }
        }
        return found;
    }

    /// <summary>Everyone inside a group, through nesting (nested groups included, the group itself not).</summary>
    internal IReadOnlyList<string> TransitiveMembersOf(string groupId)
    {
        var found = new List<string>();
        var queue = new Queue<string>(new[] { ObjectIds.NormalizePrincipal(groupId) });
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            var group = Groups.FirstOrDefault(g => string.Equals(g.Id, next, StringComparison.OrdinalIgnoreCase));
            foreach (var member in group?.Members ?? Array.Empty<string>())
            {
                if (!found.Contains(member, StringComparer.OrdinalIgnoreCase) && !string.Equals(member, groupId, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(member);
                    queue.Enqueue(member);
                }
            }
        }
        return found;
    }

    private static List<JsonObject> Items(JsonObject document, string section) =>
        document[section]!.AsArray().Select(n => n!.DeepClone().AsObject()).ToList();

    // A section an older tenant does not have: nothing served.
    private static List<JsonObject> OptionalItems(JsonObject document, string section) =>
        document[section] is JsonArray items ? items.Select(n => n!.DeepClone().AsObject()).ToList() : new List<JsonObject>();

    private static JsonArray ToArray(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode?)i.DeepClone()).ToArray());

    // A workspace's system-assigned identity is a service principal named after the workspace.
    private static IEnumerable<EmulatedWorkspace> DeriveWorkspaces(Tenant tenant) =>
        tenant.RoleAssignments.Select(a => a.Scope)
            .Concat(tenant.DenyAssignments.Select(d => d.Scope))
            .Where(scope => Scope.TryParse(scope, out var parsed, out _) && WorkspaceId.Of(parsed) is not null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => new EmulatedWorkspace
            {
                Id = id,
                PrincipalId = tenant.Principals.FirstOrDefault(p => p.Type == PrincipalType.ServicePrincipal
                    && string.Equals(p.DisplayName, id[(id.LastIndexOf('/') + 1)..], StringComparison.OrdinalIgnoreCase))?.Id,
            });

    // The shape of arm-examples/machinelearningservices_2025-01-01-preview_Workspace_get.json, with the
    // fields the live source reads and a few others a workspace always has.
    private static JsonObject WorkspaceItem(EmulatedWorkspace workspace)
    {
        var name = workspace.Id[(workspace.Id.LastIndexOf('/') + 1)..];
        var properties = new JsonObject
        {
            ["friendlyName"] = name,
            ["provisioningState"] = "Succeeded",
            ["publicNetworkAccess"] = "Enabled",
            ["v1LegacyMode"] = false,
        };
        if (workspace.AllowRoleAssignmentOnRG is { } allow)
        {
            properties["allowRoleAssignmentOnRG"] = allow;
        }
        var identity = workspace.PrincipalId is { } principalId
            ? new JsonObject { ["type"] = "SystemAssigned", ["principalId"] = principalId, ["tenantId"] = "00000000-0000-0000-0000-000000000000" }
            : new JsonObject { ["type"] = "None" };
        return new JsonObject
        {
            ["id"] = workspace.Id,
            ["name"] = name,
            ["type"] = "Microsoft.MachineLearningServices/workspaces",
            ["location"] = workspace.Location,
            ["kind"] = "Default",
            ["identity"] = identity,
            ["sku"] = new JsonObject { ["name"] = "Basic", ["tier"] = "Basic" },
            ["properties"] = properties,
        };
    }
}
