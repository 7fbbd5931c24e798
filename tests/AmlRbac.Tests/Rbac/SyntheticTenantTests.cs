using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Synthetic;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// The synthetic tenant generator (shared with the benchmarks) builds what its options say, the same
/// every time, and on a scaled-down synthetic tenant the engine agrees with the reference evaluator.
/// </summary>
public sealed class SyntheticTenantTests
{
    private static readonly SyntheticTenantOptions Small = new()
    {
        RoleAssignments = 3_000,
        CustomRoles = 60,
        Groups = 150,
        Users = 400,
        ServicePrincipals = 40,
        Workspaces = 30,
        Subscriptions = 6,
        DenyAssignments = 25,
        Seed = 42,
    };

    [Fact]
    public void The_tenant_has_the_sizes_the_options_ask_for()
    {
        var synthetic = SyntheticTenant.Generate(SyntheticTenantOptions.Standard);
        var tenant = synthetic.Tenant;

        Assert.Equal(100_000, tenant.RoleAssignments.Count);
        Assert.Equal(2_000, tenant.RoleDefinitions.Count);
        Assert.Equal(5_000, tenant.Groups.Count);
        Assert.Equal(1_000, synthetic.WorkspaceScopes.Count);
        Assert.Equal(50, tenant.ManagementGroups.Sum(g => g.Subscriptions.Count));
        Assert.Equal(4, ManagementGroupDepth(tenant.ManagementGroups)); // tenant root group + 3 levels
        Assert.Equal(5, GroupNestingDepth(tenant.Groups));
    }

    [Fact]
    public void The_same_seed_gives_the_same_tenant_and_another_seed_another()
    {
        var first = SyntheticTenant.Generate(Small).Tenant;
        var again = SyntheticTenant.Generate(Small).Tenant;
        var other = SyntheticTenant.Generate(Small with { Seed = 43 }).Tenant;

        Assert.Equal(first.RoleAssignments, again.RoleAssignments);
        Assert.Equal(first.Groups.Select(g => (g.Id, string.Join(",", g.Members))), again.Groups.Select(g => (g.Id, string.Join(",", g.Members))));
        Assert.NotEqual(first.RoleAssignments.Select(a => a.Id), other.RoleAssignments.Select(a => a.Id));
    }

    [Fact]
    public void On_a_small_synthetic_tenant_the_engine_agrees_with_the_reference()
    {
        var synthetic = SyntheticTenant.Generate(Small);
        var engine = new AccessEvaluator(synthetic.Tenant);
        var reference = new ReferenceEvaluator(synthetic.Tenant, AmlCatalog.Default);
        var random = new Random(1);
        var principals = synthetic.UserIds.Concat(synthetic.GroupIds).Concat(synthetic.ServicePrincipalIds).ToArray();
        var scopes = synthetic.WorkspaceScopes.Concat(synthetic.ComputeScopes).ToArray();
        var operations = AmlCatalog.Default.Operations;
        var outcomes = new HashSet<Outcome>();
        for (var i = 0; i < 600; i++)
        {
            var principal = principals[random.Next(principals.Length)];
            var scope = scopes[random.Next(scopes.Length)];
            var picked = operations[random.Next(operations.Count)];
            var (operation, isData) = i % 10 == 0 ? (SyntheticTenant.BlobRead, true) : (picked.Name, picked.IsDataAction);

            var expected = reference.Decide(principal, operation, isData, scope);

            Assert.Equal(expected, engine.Decide(principal, operation, scope, isData));
            outcomes.Add(expected);
        }
        Assert.Contains(Outcome.Allowed, outcomes);
        Assert.Contains(Outcome.NotGranted, outcomes);
    }

    private static int ManagementGroupDepth(IReadOnlyList<AmlRbac.Model.ManagementGroup> groups)
    {
        var parents = groups.ToDictionary(g => g.Id, g => g.Parent);
        return groups.Max(g =>
        {
            var depth = 1;
            for (var parent = g.Parent; parent is not null; parent = parents[parent])
            {
                depth++;
            }
            return depth;
        });
    }

    private static int GroupNestingDepth(IReadOnlyList<AmlRbac.Model.Group> groups)
    {
        var ids = groups.Select(g => g.Id).ToHashSet();
        var children = groups.ToDictionary(g => g.Id, g => g.Members.Where(ids.Contains).ToArray());
        var memo = new Dictionary<string, int>();
        int Depth(string id) => memo.TryGetValue(id, out var d) ? d : memo[id] = 1 + children[id].Select(Depth).DefaultIfEmpty(0).Max();
        return groups.Max(g => Depth(g.Id));
    }
}
