using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Synthetic;

/// <summary>
/// A synthetic tenant, the same for the same <see cref="SyntheticTenantOptions"/> (every choice comes
/// from one seeded <see cref="Random"/>), with handles on its parts so benchmarks and tests can pick
/// principals and scopes to ask about.
/// </summary>
public sealed class SyntheticTenant
{
    /// <summary>A data action outside the catalog (data actions are decided only by DataActions).</summary>
    public const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";

    private static readonly string[] DataPool =
    {
        BlobRead,
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*",
        "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete",
        "Microsoft.KeyVault/vaults/secrets/getSecret/action",
        "Microsoft.KeyVault/vaults/secrets/*",
        "Microsoft.MachineLearningServices/workspaces/endpoints/*/action",
    };

    internal SyntheticTenant(Tenant tenant, string[] users, string[] groups, string[] servicePrincipals, string[] workspaces, string[] computes)
    {
        Tenant = tenant;
        UserIds = users;
        GroupIds = groups;
        ServicePrincipalIds = servicePrincipals;
        WorkspaceScopes = workspaces;
        ComputeScopes = computes;
    }

    public Tenant Tenant { get; }

    /// <summary>User object ids. The first user sits in a group of the deepest nesting level.</summary>
    public IReadOnlyList<string> UserIds { get; }

    /// <summary>Group object ids, top level first.</summary>
    public IReadOnlyList<string> GroupIds { get; }

    public IReadOnlyList<string> ServicePrincipalIds { get; }

    public IReadOnlyList<string> WorkspaceScopes { get; }

    public IReadOnlyList<string> ComputeScopes { get; }

    /// <summary>
    /// Writes the tenant to <paramref name="path"/> as <c>amlrbac export</c> writes one (schemaVersion 1, every
    /// item in ARM's shape), so a benchmark reads a real file end to end rather than a tenant built in memory.
    /// </summary>
    public void WriteSnapshot(string path) => SnapshotWriter.Write(Tenant, path);

    /// <summary>Builds the tenant the options describe.</summary>
    public static SyntheticTenant Generate(SyntheticTenantOptions options, AmlCatalog? catalog = null)
    {
        catalog ??= AmlCatalog.Default;
        var random = new Random(options.Seed);
        string NewGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString("D");
        }
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        // Management groups: the tenant root group, then ManagementGroupLevels levels, each group with
        // two to four children; subscriptions spread over the lowest level.
        var rootGroup = "mg-" + NewGuid();
        var levels = new List<List<string>> { new() { rootGroup } };
        var parents = new Dictionary<string, string?> { [rootGroup] = null };
        for (var level = 1; level <= options.ManagementGroupLevels; level++)
        {
            var current = new List<string>();
            foreach (var parent in levels[^1])
            {
                var children = 2 + random.Next(3);
                for (var c = 0; c < children; c++)
                {
                    var id = $"mg-l{level}-{current.Count}";
                    parents[id] = parent;
                    current.Add(id);
                }
            }
            levels.Add(current);
        }
        var subscriptions = Enumerable.Range(0, options.Subscriptions).Select(_ => NewGuid()).ToArray();
        var subscriptionsOf = parents.Keys.ToDictionary(k => k, _ => new List<string>());
        foreach (var subscription in subscriptions)
        {
            subscriptionsOf[Pick(levels[^1])].Add(subscription);
        }
        var managementGroups = parents
            .Select(p => new ManagementGroup { Id = p.Key, Parent = p.Value, Subscriptions = subscriptionsOf[p.Key] })
            .ToArray();

        // Scopes below the subscriptions.
        var subscriptionScopes = subscriptions.Select(s => "/subscriptions/" + s).ToArray();
        var resourceGroupScopes = subscriptionScopes
            .SelectMany(s => Enumerable.Range(1, options.ResourceGroupsPerSubscription).Select(i => $"{s}/resourceGroups/rg{i}"))
            .ToArray();
        var workspaceScopes = Enumerable.Range(0, options.Workspaces)
            .Select(i => $"{resourceGroupScopes[i % resourceGroupScopes.Length]}/providers/Microsoft.MachineLearningServices/workspaces/ws{i}")
            .ToArray();
        var computeScopes = workspaceScopes
            .SelectMany(w => Enumerable.Range(0, options.ComputesPerWorkspace).Select(c => $"{w}/computes/cpu{c}"))
            .ToArray();
        var managementGroupScopes = parents.Keys.Select(g => "/providers/Microsoft.Management/managementGroups/" + g).ToArray();

        // Principals: users, service principals, and groups in GroupDepth levels; a group of level L
        // is a member of one (sometimes two) groups of level L-1, so nesting is at most GroupDepth deep.
        var users = Enumerable.Range(0, options.Users).Select(_ => NewGuid()).ToArray();
        var servicePrincipals = Enumerable.Range(0, options.ServicePrincipals).Select(_ => NewGuid()).ToArray();
        var groupLevels = Enumerable.Range(0, options.GroupDepth)
            .Select(level => Enumerable.Range(0, options.Groups / options.GroupDepth + (level < options.Groups % options.GroupDepth ? 1 : 0))
                .Select(_ => NewGuid()).ToArray())
            .ToArray();
        var members = groupLevels.SelectMany(l => l).ToDictionary(g => g, _ => new List<string>());
        for (var level = 1; level < groupLevels.Length; level++)
        {
            foreach (var group in groupLevels[level])
            {
                members[Pick(groupLevels[level - 1])].Add(group);
                if (random.NextDouble() < 0.2)
                {
                    members[Pick(groupLevels[level - 1])].Add(group);
                }
            }
        }
        var deepest = groupLevels[^1];
        for (var u = 0; u < users.Length; u++)
        {
            // The first user is always in a group of the deepest level (the benchmarks ask about them).
            var memberships = u == 0 ? 3 : random.Next(4);
            for (var m = 0; m < memberships; m++)
            {
                var level = u == 0 && m == 0 ? groupLevels.Length - 1 : random.Next(groupLevels.Length);
                members[Pick(groupLevels[level])].Add(users[u]);
            }
        }
        foreach (var sp in servicePrincipals)
        {
            if (random.NextDouble() < 0.5)
            {
                members[Pick(deepest)].Add(sp);
            }
        }
        var allGroups = groupLevels.SelectMany(l => l).ToArray();
        var groups = allGroups.Select((g, i) => new Group { Id = g, DisplayName = $"group-{i}", Members = members[g].Distinct().ToArray() }).ToArray();
        var principals = users.Select((u, i) => new Principal { Id = u, Type = PrincipalType.User, DisplayName = $"User {i}", UserPrincipalName = $"user{i}@synthetic.test" })
            .Concat(servicePrincipals.Select((s, i) => new Principal { Id = s, Type = PrincipalType.ServicePrincipal, DisplayName = $"sp-{i}", AppId = NewGuid() }))
            .ToArray();

        // Custom roles from catalog operations and wildcards derived from them.
        var exact = catalog.Operations.Where(o => !o.IsDataAction).Select(o => o.Name).ToArray();
        var wildcards = exact.SelectMany(WildcardsOf).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        string ActionEntry() => random.NextDouble() < 0.6 ? Pick(exact) : Pick(wildcards);
        string[] Entries(int min, int max, Func<string> entry) =>
            Enumerable.Range(0, min + random.Next(max - min + 1)).Select(_ => entry()).Distinct().ToArray();
        var customRoles = Enumerable.Range(0, options.CustomRoles).Select(i =>
        {
            var blocks = Enumerable.Range(0, random.NextDouble() < 0.15 ? 2 : 1).Select(_ => new Permission
            {
                Actions = Entries(1, 6, ActionEntry),
                NotActions = Entries(0, 2, ActionEntry),
                DataActions = random.NextDouble() < 0.2 ? Entries(1, 2, () => Pick(DataPool)) : Array.Empty<string>(),
                NotDataActions = random.NextDouble() < 0.1 ? Entries(1, 1, () => Pick(DataPool)) : Array.Empty<string>(),
            }).ToArray();
            return new RoleDefinition
            {
                Id = NewGuid(),
                Name = $"Synthetic Role {i}",
                IsCustom = true,
                Permissions = blocks,
                AssignableScopes = new[] { Pick(subscriptionScopes) },
            };
        }).ToArray();
        var builtInIds = catalog.BuiltInRoles.Select(r => r.Id).ToArray();
        var customIds = customRoles.Select(r => r.Id).ToArray();

        // Role assignments: mostly at workspaces and computes, fewer higher up.
        string AssignmentScope()
        {
            var roll = random.NextDouble();
            return roll switch
            {
                < 0.001 => "/",
                < 0.01 => Pick(managementGroupScopes),
                < 0.05 => Pick(subscriptionScopes),
                < 0.20 => Pick(resourceGroupScopes),
                < 0.75 => Pick(workspaceScopes),
                _ => Pick(computeScopes),
            };
        }
        var assignments = new RoleAssignment[options.RoleAssignments];
        for (var a = 0; a < assignments.Length; a++)
        {
            var roll = random.NextDouble();
            var (principal, type) = roll switch
            {
                < 0.45 => (Pick(allGroups), PrincipalType.Group),
                < 0.90 => (Pick(users), PrincipalType.User),
                _ => (Pick(servicePrincipals), PrincipalType.ServicePrincipal),
            };
            var conditional = random.NextDouble() < options.ConditionalShare;
            assignments[a] = new RoleAssignment
            {
                Id = NewGuid(),
                PrincipalId = principal,
                PrincipalType = type,
                RoleDefinitionId = random.NextDouble() < 0.75 ? Pick(customIds) : Pick(builtInIds),
                Scope = AssignmentScope(),
                IsEligible = random.NextDouble() < options.EligibleShare,
                Condition = conditional
                    ? $"((!(ActionMatches{{'{BlobRead}'}})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'c{a % 7}'))"
                    : null,
                ConditionVersion = conditional ? "2.0" : null,
            };
        }

        // Deny assignments at workspaces and resource groups: half for everyone (the all-principals id,
        // written with and without dashes) with a few exclusions, half for a few groups.
        var denies = Enumerable.Range(0, options.DenyAssignments).Select(d =>
        {
            var everyone = random.NextDouble() < 0.5;
            return new DenyAssignment
            {
                Id = NewGuid(),
                Name = $"deny-{d}",
                Scope = random.NextDouble() < 0.7 ? Pick(workspaceScopes) : Pick(resourceGroupScopes),
                Permissions = new[] { new Permission { Actions = Entries(1, 2, ActionEntry) } },
                Principals = everyone
                    ? new[] { d % 2 == 0 ? ObjectIds.AllPrincipals : ObjectIds.AllPrincipals.Replace("-", "") }
                    : Entries(1, 3, () => Pick(allGroups)),
                ExcludePrincipals = everyone ? Entries(1, 3, () => Pick(allGroups)) : Array.Empty<string>(),
                DoNotApplyToChildScopes = random.NextDouble() < 0.2,
            };
        }).ToArray();

        var tenant = new Tenant
        {
            RoleDefinitions = customRoles,
            RoleAssignments = assignments,
            DenyAssignments = denies,
            Groups = groups,
            ManagementGroups = managementGroups,
            Principals = principals,
            Source = $"synthetic tenant (seed {options.Seed}, {options.RoleAssignments} assignments)",
        };
        return new SyntheticTenant(tenant, users, allGroups, servicePrincipals, workspaceScopes, computeScopes);
    }

    // "A/b/c/d" gives "A/*", "A/b/*", "A/b/c/*" and the middle-segment forms "A/b/*/d", "A/*/d".
    private static IEnumerable<string> WildcardsOf(string operation)
    {
        var segments = operation.Split('/');
        for (var keep = 1; keep < segments.Length; keep++)
        {
            yield return string.Join('/', segments[..keep]) + "/*";
        }
        if (segments.Length >= 3)
        {
            yield return string.Join('/', segments[..^2]) + "/*/" + segments[^1];
            yield return segments[0] + "/*/" + segments[^1];
        }
    }
}
