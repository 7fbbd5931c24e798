using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Reads a <see cref="Tenant"/> from live Azure for the scopes a user asks about (management groups,
/// subscriptions, resource groups, workspaces). The cost grows with the number of scopes asked, never
/// with the number of resources below them:
/// <list type="number">
/// <item>1 request (more only when paged): the management-group hierarchy, from getEntities.</item>
/// <item>Per asked scope not already below another asked scope, 5 requests (more only when paged):
/// role definitions (atScopeAndBelow()), role assignments, deny assignments and PIM eligibility instances
/// (each unfiltered, which returns those at, above and below the scope: [RAL] says atScope() is the
/// one that leaves subscopes out), and the workspaces (one list per subscription or resource group; a
/// management group lists each subscription under it).</item>
/// <item>Microsoft Graph: one getByIds per 1000 principals found, then one $batch per 20 groups per
/// level of group nesting, for the members. Direct members, level by level, give the transitive
/// membership ARM uses and keep the nesting, so an export holds the groups as the directory does.</item>
/// <item>Azure Policy, per asked scope not below another (LiveTenantCollector.Policy.cs): 2 requests (more only
/// when paged), the policy assignments and the policy exemptions, and for a management group 2 more per
/// subscription under it (a group's lists hold nothing below the group); then one GET per distinct definition or
/// initiative those assignments name (and per member definition of an initiative), however many assignments
/// name it.</item>
/// <item>Only when asked for the resources the posture rules read (an export; LiveTenantCollector.Resources.cs): per
/// workspace found, 3 requests (more only when paged), its computes, private endpoint connections and diagnostic
/// settings, then 1 per distinct private endpoint those connections name, for its DNS zone groups. This part grows
/// with the workspaces, since each lists its own.</item>
/// </list>
/// Requests go one after another, so the pacing and the progress are simple and the order is fixed.
/// <para>
/// Why not the per-principal reads issue 7 names (assignments with $filter=assignedTo('{id}'), Graph's
/// /users/{id}/transitiveMemberOf and /groups/{id}/transitiveMembers): the whole scope is read once
/// instead, and the groups walked through /groups/{id}/members level by level. One collection answers
/// every principal and "who can" (Get-AmlEffectiveAccess -By, amlrbac who), which per-principal filters
/// cannot without a read per principal, and is what an export must hold anyway; the group walk covers
/// the nested groups of every assignee at once and keeps the nesting the snapshot records; so the
/// request count grows with the scopes asked, not with the principals. The answers are the same: ARM's
/// assignedTo() matches the principal and its groups transitively ([RAL]), which the evaluator works out
/// from these groups. Where one identity is the whole question (the workspace-identity conversion,
/// ArmWorkspaceGateway), assignedTo() is what is used.
/// </para>
/// </summary>
public sealed partial class LiveTenantCollector
{
    private readonly ArmClient _arm;
    private readonly GraphClient _graph;

    public LiveTenantCollector(ArmClient arm, GraphClient graph)
    {
        _arm = arm ?? throw new ArgumentNullException(nameof(arm));
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
    }

    /// <summary>Clients for both APIs over one HttpClient, with the same options.</summary>
    public static LiveTenantCollector Create(HttpClient http, IAccessTokenSource tokens, LiveClientOptions? options = null) =>
        new(new ArmClient(http, tokens, options), new GraphClient(http, tokens, options));

    /// <summary>
    /// A principal as the user names it (object id, user principal name, group or service principal
    /// display name, application id), looked up in Microsoft Graph: PrincipalNotFound when nobody has
    /// the name, PrincipalAmbiguous listing the candidates when several do.
    /// </summary>
    public Task<Principal> ResolvePrincipalAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        _graph.ResolveAsync(nameOrId, cancellationToken);

    /// <summary>HTTP requests sent so far by both clients, retries and pages included.</summary>
    public int RequestCount => _arm.RequestCount + _graph.RequestCount;

    /// <summary>
    /// Collects everything that decides access at, above and below <paramref name="scopes"/>, and with
    /// <paramref name="withResources"/> the workspaces' resources the posture rules read (<see cref="Tenant.Resources"/>).
    /// </summary>
    public Task<LiveCollection> CollectAsync(IEnumerable<Scope> scopes, IProgress<CollectionProgress>? progress = null, CancellationToken cancellationToken = default, bool withResources = false) =>
        CollectAsync(scopes, progress, cancellationToken, withResources, spool: null);

    /// <summary>
    /// As <see cref="CollectAsync(IEnumerable{Scope}, IProgress{CollectionProgress}?, CancellationToken, bool)"/>; with
    /// <paramref name="spool"/> the role assignments go there as they are read, and the tenant returned holds none (an export).
    /// </summary>
    internal async Task<LiveCollection> CollectAsync(IEnumerable<Scope> scopes, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken, bool withResources, RoleAssignmentSpool? spool)
    {
        var asked = scopes?.Distinct().ToList() ?? throw new ArgumentNullException(nameof(scopes));
        if (asked.Count == 0)
        {
            throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument, "Name at least one scope to read (a management group, subscription, resource group or workspace).");
        }
        if (asked.Any(s => s.Level == ScopeLevel.Root))
        {
            throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument,
                "The scope '/' cannot be read as a whole; name the tenant root management group instead.", "/");
        }

        var run = new Run(this, progress, cancellationToken, spool);
        var managementGroups = await ReadHierarchyAsync(run).ConfigureAwait(false);
        var tree = new ScopeTree(managementGroups);
        foreach (var scope in Outermost(asked, tree))
        {
            await ReadAuthorizationAsync(run, scope).ConfigureAwait(false);
            await ReadWorkspacesAsync(run, scope, managementGroups, tree).ConfigureAwait(false);
            await ReadPolicyAsync(run, scope, managementGroups, tree).ConfigureAwait(false);
        }
        await ReadPolicyDefinitionsAsync(run).ConfigureAwait(false);
        var resources = withResources ? await ReadResourcesAsync(run).ConfigureAwait(false) : ResourceInventory.Empty;
        var (groups, principals) = await ReadDirectoryAsync(run).ConfigureAwait(false);

        var tenant = new Tenant
        {
            RoleDefinitions = run.Definitions.Values.ToList(),
            RoleAssignments = run.Assignments.Values.ToList(),
            DenyAssignments = run.Denies.Values.ToList(),
            Groups = groups,
            ManagementGroups = managementGroups,
            Principals = principals,
            Policy = run.PolicyState($"Azure Resource Manager at {_arm.BaseUrl}"),
            Workspaces = run.Workspaces.Keys.ToList(),
            Resources = resources,
            Source = $"Azure Resource Manager at {_arm.BaseUrl}",
        };
        return new LiveCollection(tenant, run.Workspaces.Values.ToList(), run.Requests);
    }

    // A scope below another asked scope is already covered by that scope's unfiltered lists.
    private static IEnumerable<Scope> Outermost(IReadOnlyList<Scope> asked, ScopeTree tree) =>
        asked.Where(scope => !asked.Any(other => !other.Equals(scope) && tree.Get(scope).IsAtOrBelow(tree.Get(other).Id)));

    // getEntities: { value: [{ id, type, name, properties: { parent: { id } } }], nextLink } (GetEntities.json).
    // Management groups and subscriptions are told apart by their ids.
    private async Task<IReadOnlyList<ManagementGroup>> ReadHierarchyAsync(Run run)
    {
        var parents = new List<(string Group, string? Parent)>();
        var subscriptions = new List<(string Subscription, string Group)>();
        var origin = LiveItems.Origin(AzureApi.ResourceManager, $"POST {ArmRoutes.EntitiesPath}");
        await foreach (var page in _arm.PostListPagesAsync(ArmRoutes.EntitiesPath, ArmRoutes.ManagementGroupsApiVersion, run.Cancellation).ConfigureAwait(false))
        {
            foreach (var item in page.Items.Select((e, i) => LiveItems.Read(e, origin, $"page {page.Number}: $.value[{i}]")))
            {
                var scope = Scope.Parse(item.Scope("id"));
                var parentItem = item.Item("properties")?.Item("parent");
                var parent = parentItem is not null && parentItem.Has("id") ? Scope.Parse(parentItem.Scope("id")) : null;
                if (scope.Level == ScopeLevel.ManagementGroup)
                {
                    parents.Add((scope.ManagementGroupId!, parent?.ManagementGroupId));
                }
                else if (scope.Level == ScopeLevel.Subscription && parent?.ManagementGroupId is { } group)
                {
                    subscriptions.Add((scope.SubscriptionId!, group));
                }
            }
            run.Report("management groups", null, page.Number);
        }
        return parents.Select(p => new ManagementGroup
        {
            Id = p.Group,
            Parent = p.Parent,
            Subscriptions = subscriptions.Where(s => string.Equals(s.Group, p.Group, StringComparison.OrdinalIgnoreCase)).Select(s => s.Subscription).ToList(),
        }).ToList();
    }

    private async Task ReadAuthorizationAsync(Run run, Scope scope)
    {
        await foreach (var item in ReadListAsync(run, "role definitions", scope, ArmRoutes.RoleDefinitions(scope), ArmRoutes.AuthorizationApiVersion, ArmRoutes.DefinitionsAtScopeAndBelow).ConfigureAwait(false))
        {
            var definition = RoleDefinitionShape.Read(item);
            run.Definitions.TryAdd(definition.Id, definition);
        }
        await foreach (var item in ReadListAsync(run, "role assignments", scope, ArmRoutes.RoleAssignments(scope), ArmRoutes.AuthorizationApiVersion, null).ConfigureAwait(false))
        {
            run.Add(RoleAssignmentShape.Read(item, isEligible: false));
        }
        await foreach (var item in ReadListAsync(run, "deny assignments", scope, ArmRoutes.DenyAssignments(scope), ArmRoutes.AuthorizationApiVersion, null).ConfigureAwait(false))
        {
            var deny = DenyAssignmentShape.Read(item);
            run.Denies.TryAdd(deny.Id, deny);
        }
        // Unfiltered, not atScope(): atScope() returns "role assignment schedules at or above the scope"
        // (RoleEligibilityScheduleInstances_ListForScope's filter text) and would miss an eligibility on a
        // resource group when its subscription is asked; Get-AzRoleEligibilityScheduleInstance's example
        // lists instances below the subscription asked.
        await foreach (var item in ReadListAsync(run, "eligible role assignments", scope, ArmRoutes.EligibilityScheduleInstances(scope), ArmRoutes.EligibilityApiVersion, null).ConfigureAwait(false))
        {
            run.Add(RoleAssignmentShape.Read(item, isEligible: true));
        }
    }

    private async Task ReadWorkspacesAsync(Run run, Scope scope, IReadOnlyList<ManagementGroup> managementGroups, ScopeTree tree)
    {
        if (WorkspaceId.Of(scope) is not null)
        {
            var origin = LiveItems.Origin(AzureApi.ResourceManager, $"GET {scope.Value}");
            var element = await _arm.GetAsync(scope.Value, ArmRoutes.WorkspacesApiVersion, run.Cancellation).ConfigureAwait(false);
            AddWorkspace(run, element, origin, "$");
            run.Report("workspaces", scope.Value, 1);
            return;
        }
        var containers = scope.Level switch
        {
            ScopeLevel.Subscription or ScopeLevel.ResourceGroup => new[] { scope },
            ScopeLevel.ManagementGroup => SubscriptionsUnder(scope, managementGroups, tree),
            // Another resource (a storage account, a registry) holds no workspaces.
            _ => Array.Empty<Scope>(),
        };
        foreach (var container in containers)
        {
            var path = ArmRoutes.WorkspacesIn(container);
            var origin = LiveItems.Origin(AzureApi.ResourceManager, $"GET {path}");
            await foreach (var page in _arm.ListPagesAsync(path, ArmRoutes.WorkspacesApiVersion, null, run.Cancellation).ConfigureAwait(false))
            {
                for (var i = 0; i < page.Items.Count; i++)
                {
                    AddWorkspace(run, page.Items[i], origin, $"page {page.Number}: $.value[{i}]");
                }
                run.Report("workspaces", container.Value, page.Number);
            }
        }
    }

    // The workspace as the identity conversion reads it, and as ARM wrote it for the posture rules.
    private static void AddWorkspace(Run run, System.Text.Json.JsonElement element, InputOrigin origin, string path)
    {
        var workspace = WorkspaceShape.Read(LiveItems.Read(element, origin, path));
        if (run.Workspaces.TryAdd(workspace.Id, workspace))
        {
            run.WorkspaceItems.Add(ResourceItem(element, ResourceSnapshotReader.Section("workspaces"), origin, path));
        }
    }

    // The subscriptions below a management group, at any depth, as getEntities placed them.
    private static IReadOnlyList<Scope> SubscriptionsUnder(Scope group, IReadOnlyList<ManagementGroup> managementGroups, ScopeTree tree) =>
        managementGroups
            .SelectMany(g => g.Subscriptions)
            .Select(Scope.ForSubscription)
            .Where(s => tree.Get(s).IsAtOrBelow(tree.Get(group).Id))
            .ToArray();

    // Page by page: a page's items become the model before the next page is read, so only one page of
    // plain JSON values is held at a time (all of a 1,000,000-assignment list held them at once: issue #16).
    private async IAsyncEnumerable<SourceItem> ReadListAsync(Run run, string step, Scope scope, string path, string apiVersion, string? filter)
    {
        var origin = LiveItems.Origin(AzureApi.ResourceManager, filter is null ? $"GET {path}" : $"GET {path}?$filter={filter}") with { Strings = run.Strings };
        await foreach (var page in _arm.ListPagesAsync(path, apiVersion, filter, run.Cancellation).ConfigureAwait(false))
        {
            for (var i = 0; i < page.Items.Count; i++)
            {
                yield return LiveItems.Read(page.Items[i], origin, $"page {page.Number}: $.value[{i}]");
            }
            run.Report(step, scope.Value, page.Number);
        }
    }

    /// <summary>
    /// The principals found in assignments and deny assignments, named through getByIds, and every group
    /// among them with its direct members, level by level: a nested group found as a member is read in
    /// the next level, each group once (nesting can loop). One walk for all assignees instead of
    /// transitiveMemberOf per principal: see the class comment.
    /// </summary>
    private async Task<(IReadOnlyList<Group> Groups, IReadOnlyList<Principal> Principals)> ReadDirectoryAsync(Run run)
    {
        var ids = run.Assignees
            .Concat(run.Denies.Values.SelectMany(d => d.Principals.Concat(d.ExcludePrincipals)))
            .Where(id => !string.Equals(id, ObjectIds.AllPrincipals, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var known = new Dictionary<string, Principal>(StringComparer.OrdinalIgnoreCase);
        foreach (var principal in await _graph.GetObjectsAsync(ids, run.Cancellation).ConfigureAwait(false))
        {
            known.TryAdd(principal.Id, principal);
        }
        run.Report("directory objects", null, 1);

        var groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        var level = known.Values.Where(p => p.Type == PrincipalType.Group).Select(p => p.Id).ToList();
        for (var depth = 1; level.Count > 0; depth++)
        {
            var members = await _graph.GetMembersAsync(level, run.Cancellation).ConfigureAwait(false);
            var next = new List<string>();
            foreach (var groupId in level)
            {
                var list = members.TryGetValue(groupId, out var found) ? found : Array.Empty<Principal>();
                groups[groupId] = new Group { Id = groupId, DisplayName = known.GetValueOrDefault(groupId)?.DisplayName, Members = list.Select(m => m.Id).ToList() };
                foreach (var member in list)
                {
                    known.TryAdd(member.Id, member);
                    if (member.Type == PrincipalType.Group && !groups.ContainsKey(member.Id) && !level.Contains(member.Id, StringComparer.OrdinalIgnoreCase) && !next.Contains(member.Id, StringComparer.OrdinalIgnoreCase))
                    {
                        next.Add(member.Id);
                    }
                }
            }
            run.Report("group members", null, depth);
            level = next;
        }
        // Groups are in Groups with their names; Principals holds the others, as in a snapshot.
        return (groups.Values.ToList(), known.Values.Where(p => p.Type != PrincipalType.Group).ToList());
    }

    /// <summary>One collection's state: what was read so far, keyed by id (a scope and the one above it list the same items).</summary>
    private sealed class Run
    {
        private readonly LiveTenantCollector _owner;
        private readonly IProgress<CollectionProgress>? _progress;
        private readonly int _startRequests;

        private readonly RoleAssignmentSpool? _spool;

        public Run(LiveTenantCollector owner, IProgress<CollectionProgress>? progress, CancellationToken cancellation, RoleAssignmentSpool? spool)
        {
            _owner = owner;
            _spool = spool;
            _progress = progress;
            Cancellation = cancellation;
            _startRequests = SentSoFar();
        }

        public CancellationToken Cancellation { get; }

        /// <summary>One string for each scope, role id and principal id the lists repeat (as the snapshot reader keeps them).</summary>
        public StringPool Strings { get; } = new();

        public Dictionary<string, RoleDefinition> Definitions { get; } = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>The role assignments read, each id once; empty when they go to a spool.</summary>
        public Dictionary<string, RoleAssignment> Assignments { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The principals the role assignments name, for the directory lookups, whether the assignments are kept or spooled.</summary>
        public HashSet<string> Assignees { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, DenyAssignment> Denies { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Workspace> Workspaces { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The workspaces as ARM returned them, in the order found.</summary>
        public List<ArmResource> WorkspaceItems { get; } = new();
        public Dictionary<string, PolicyAssignment> PolicyAssignments { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, PolicyExemption> PolicyExemptions { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, PolicyDefinition> PolicyDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, PolicySetDefinition> PolicySetDefinitions { get; } = new(StringComparer.OrdinalIgnoreCase);

        public PolicyState PolicyState(string source) => new()
        {
            Definitions = PolicyDefinitions.Values.ToList(),
            SetDefinitions = PolicySetDefinitions.Values.ToList(),
            Assignments = PolicyAssignments.Values.ToList(),
            Exemptions = PolicyExemptions.Values.ToList(),
            Source = source,
        };

        /// <summary>Keeps <paramref name="assignment"/>, or spools it, unless one with its id was read already.</summary>
        public void Add(RoleAssignment assignment)
        {
            if (_spool is null ? Assignments.TryAdd(assignment.Id, assignment) : _spool.Add(assignment))
            {
                Assignees.Add(assignment.PrincipalId);
            }
        }

        /// <summary>HTTP requests of this collection, ARM and Graph.</summary>
        public int Requests => SentSoFar() - _startRequests;

        public void Report(string step, string? scope, int page) => _progress?.Report(new CollectionProgress(step, scope, page, Requests));

        private int SentSoFar() => _owner._arm.RequestCount + _owner._graph.RequestCount;
    }
}
