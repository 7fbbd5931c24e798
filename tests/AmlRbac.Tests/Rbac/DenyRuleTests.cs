using Xunit;
using static AmlRbac.Tests.Rbac.RuleTenant;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// The deny rule itself (<see cref="CompiledDeny.Denies"/>): whether one deny assignment denies one principal
/// one operation at one scope, and through which entry. Decide and Check both ask it.
/// </summary>
public sealed class DenyRuleTests
{
    private const string Carol = "ca401000-0000-4000-8000-000000000003";

    // Alice and Carol are in the team group; Bob is in no group.
    private static readonly Tenant People = new()
    {
        Groups = new[] { new Group { Id = TeamGroup, DisplayName = "Team", Members = new[] { Alice, Carol } } },
    };

    private sealed class Setup
    {
        private readonly ScopeTree _scopes = new(Array.Empty<ManagementGroup>());
        private readonly PrincipalDirectory _principals = new(People);
        private readonly CompiledDeny _deny;

        public Setup(DenyAssignment deny) =>
            _deny = new CompiledDeny(deny, _scopes.Get(deny.Scope).Id, _principals, AmlCatalog.Default);

        public string? Denies(string principal, string operation, string scope, bool isDataAction = false)
        {
            // An id the tenant never mentions has no groups: its closure is empty, as the evaluator has it.
            var closure = _principals.TryFind(principal, out var index) ? _principals.Closure(index) : Array.Empty<int>();
            return _deny.Denies(closure, _scopes.Get(scope), ResolvedAction.Resolve(operation, isDataAction, AmlCatalog.Default));
        }
    }

    private static DenyAssignment Deny(string[] principals, string[]? excluded = null, bool childScopesExcluded = false, params Permission[] blocks) => new()
    {
        Id = "deny-1",
        Scope = Rg1,
        Permissions = blocks.Length > 0 ? blocks : new[] { new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeRead } } },
        Principals = principals,
        ExcludePrincipals = excluded ?? Array.Empty<string>(),
        DoNotApplyToChildScopes = childScopesExcluded,
    };

    [Fact]
    public void It_denies_a_named_principal_what_its_actions_cover_and_names_the_entry()
    {
        var setup = new Setup(Deny(new[] { Alice }));

        Assert.Equal(Ml + "workspaces/computes/*", setup.Denies(Alice, ComputeWrite, Workspace));
        Assert.Null(setup.Denies(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void Its_not_actions_carve_out_what_it_does_not_deny()
    {
        Assert.Null(new Setup(Deny(new[] { Alice })).Denies(Alice, ComputeRead, Workspace));
    }

    [Fact]
    public void Naming_a_group_denies_its_members()
    {
        var setup = new Setup(Deny(new[] { TeamGroup }));

        Assert.NotNull(setup.Denies(Alice, ComputeWrite, Workspace));
        Assert.NotNull(setup.Denies(Carol, ComputeWrite, Workspace));
        Assert.Null(setup.Denies(Bob, ComputeWrite, Workspace));
    }

    [Fact]
    public void The_all_principals_id_denies_everyone_except_the_excluded_and_their_groups_members()
    {
        var setup = new Setup(Deny(new[] { ObjectIds.AllPrincipals }, excluded: new[] { TeamGroup }));

        Assert.NotNull(setup.Denies(Bob, ComputeWrite, Workspace));
        Assert.NotNull(setup.Denies("0e000000-0000-4000-8000-0000000000ff", ComputeWrite, Workspace));
        Assert.Null(setup.Denies(Alice, ComputeWrite, Workspace));
        Assert.Null(setup.Denies(Carol, ComputeWrite, Workspace));
    }

    [Fact]
    public void An_excluded_principal_is_not_denied_even_when_its_group_is_named()
    {
        var setup = new Setup(Deny(new[] { TeamGroup }, excluded: new[] { Carol }));

        Assert.NotNull(setup.Denies(Alice, ComputeWrite, Workspace));
        Assert.Null(setup.Denies(Carol, ComputeWrite, Workspace));
    }

    [Fact]
    public void It_reaches_its_scope_and_below_not_above_or_beside()
    {
        var setup = new Setup(Deny(new[] { Alice }));

        Assert.NotNull(setup.Denies(Alice, ComputeWrite, Rg1));
        Assert.NotNull(setup.Denies(Alice, ComputeWrite, Compute));
        Assert.Null(setup.Denies(Alice, ComputeWrite, SubscriptionScope));
        Assert.Null(setup.Denies(Alice, ComputeWrite, Rg10));
    }

    [Fact]
    public void Do_not_apply_to_child_scopes_keeps_it_to_its_own_scope()
    {
        var setup = new Setup(Deny(new[] { Alice }, childScopesExcluded: true));

        Assert.NotNull(setup.Denies(Alice, ComputeWrite, Rg1));
        Assert.Null(setup.Denies(Alice, ComputeWrite, Workspace));
    }

    [Fact]
    public void Its_data_actions_deny_data_operations_only()
    {
        var setup = new Setup(Deny(new[] { Alice }, blocks: new Permission { DataActions = new[] { "Microsoft.Storage/*" }, NotDataActions = new[] { BlobRead } }));

        Assert.Equal("Microsoft.Storage/*", setup.Denies(Alice, "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write", Workspace, isDataAction: true));
        Assert.Null(setup.Denies(Alice, BlobRead, Workspace, isDataAction: true));
        Assert.Null(setup.Denies(Alice, "Microsoft.Storage/storageAccounts/read", Workspace));
    }

    [Fact]
    public void A_condition_on_its_block_does_not_soften_it()
    {
        var gated = "((!(ActionMatches{'" + ComputeWrite + "'})) OR (@Request[x] StringEquals 'y'))";
        var setup = new Setup(Deny(new[] { Alice }, blocks: new Permission { Actions = new[] { ComputeWrite }, Condition = gated }));

        Assert.Equal(ComputeWrite, setup.Denies(Alice, ComputeWrite, Workspace));
    }
}
