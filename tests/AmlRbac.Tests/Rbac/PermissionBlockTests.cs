using Xunit;
using static AmlRbac.Tests.Rbac.RuleTenant;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// The block rule itself (<see cref="CompiledPermission.Grant"/>): whether one permission block grants one
/// operation, how, and through which entries. The decisions, effective access and who-can all ask it.
/// </summary>
public sealed class PermissionBlockTests
{
    private const string ComputeDelete = Ml + "workspaces/computes/delete";
    private const string WorkspaceWrite = Ml + "workspaces/write";
    private const string BlobWrite = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write";
    private const string StorageRead = "Microsoft.Storage/storageAccounts/read";

    private const string BlobCondition =
        "((!(ActionMatches{'" + BlobRead + "'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'training'))";

    private static CompiledPermission Block(Permission permission) => new(permission, AmlCatalog.Default);

    private static ResolvedAction Control(string operation) => ResolvedAction.Resolve(operation, isDataAction: false, AmlCatalog.Default);

    private static ResolvedAction Data(string operation) => ResolvedAction.Resolve(operation, isDataAction: true, AmlCatalog.Default);

    [Fact]
    public void An_actions_entry_grants_a_control_operation_and_names_itself()
    {
        var grant = Block(Allow(Ml + "workspaces/computes/*")).Grant(Control(ComputeWrite));

        Assert.Equal(GrantKind.Unconditional, grant.Kind);
        Assert.Equal(Ml + "workspaces/computes/*", grant.GrantedBy!.Text);
        Assert.Null(grant.ExcludedBy);
        Assert.Null(grant.Condition);
    }

    [Fact]
    public void A_block_that_does_not_cover_the_operation_grants_nothing_and_names_nothing()
    {
        var grant = Block(Allow(ComputeRead)).Grant(Control(ComputeWrite));

        Assert.Equal(GrantKind.None, grant.Kind);
        Assert.Null(grant.GrantedBy);
        Assert.Null(grant.ExcludedBy);
    }

    [Fact]
    public void Actions_do_not_grant_a_data_operation_and_data_actions_do_not_grant_a_control_one()
    {
        // [RD]: "Management access is not inherited to your data": the same text decides only in its own list.
        var control = Block(Allow("Microsoft.Storage/*"));
        Assert.Equal(GrantKind.Unconditional, control.Grant(Control(StorageRead)).Kind);
        Assert.Equal(GrantKind.None, control.Grant(Data(BlobRead)).Kind);

        var data = Block(new Permission { DataActions = new[] { "Microsoft.Storage/*" } });
        Assert.Equal(GrantKind.Unconditional, data.Grant(Data(BlobRead)).Kind);
        Assert.Equal("Microsoft.Storage/*", data.Grant(Data(BlobRead)).GrantedBy!.Text);
        Assert.Equal(GrantKind.None, data.Grant(Control(StorageRead)).Kind);

        var everything = Block(new Permission { DataActions = new[] { "*" } });
        Assert.Equal(GrantKind.None, everything.Grant(Control(ComputeWrite)).Kind);
    }

    [Fact]
    public void A_not_actions_entry_removes_the_operation_and_both_entries_are_named()
    {
        var block = Block(new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { Ml + "workspaces/computes/*/write" } });

        var removed = block.Grant(Control(ComputeWrite));
        Assert.Equal(GrantKind.None, removed.Kind);
        Assert.False(removed.Grants);
        Assert.Equal(Ml + "workspaces/computes/*", removed.GrantedBy!.Text);
        Assert.Equal(Ml + "workspaces/computes/*/write", removed.ExcludedBy!.Text);

        Assert.Equal(GrantKind.Unconditional, block.Grant(Control(ComputeRead)).Kind);
        Assert.Null(block.Grant(Control(ComputeRead)).ExcludedBy);
    }

    [Fact]
    public void A_not_actions_entry_that_matches_what_the_actions_do_not_grant_is_not_named()
    {
        var grant = Block(new Permission { Actions = new[] { ComputeRead }, NotActions = new[] { Ml + "workspaces/computes/*" } }).Grant(Control(ComputeWrite));

        Assert.Null(grant.GrantedBy);
        Assert.Null(grant.ExcludedBy);
    }

    [Fact]
    public void Not_data_actions_remove_only_data_operations_and_not_actions_only_control_ones()
    {
        var block = Block(new Permission
        {
            Actions = new[] { "Microsoft.Storage/*" },
            NotActions = new[] { BlobRead },
            DataActions = new[] { "Microsoft.Storage/*" },
            NotDataActions = new[] { BlobWrite },
        });

        // NotActions does not reach the data list: the data read is still granted; NotDataActions removes the data write.
        Assert.Equal(GrantKind.Unconditional, block.Grant(Data(BlobRead)).Kind);
        var write = block.Grant(Data(BlobWrite));
        Assert.Equal(GrantKind.None, write.Kind);
        Assert.Equal(BlobWrite, write.ExcludedBy!.Text);
        Assert.Equal(GrantKind.Unconditional, block.Grant(Control(StorageRead)).Kind);
    }

    [Fact]
    public void Wildcards_grant_by_the_action_pattern_rule()
    {
        var reads = Block(Allow("*/read"));
        Assert.Equal(GrantKind.Unconditional, reads.Grant(Control(ComputeRead)).Kind);
        Assert.Equal(GrantKind.None, reads.Grant(Control(ComputeWrite)).Kind);

        // A whole middle '*' also covers no segment: "workspaces/*/write" removes "workspaces/write".
        var noWrites = Block(new Permission { Actions = new[] { Ml + "*" }, NotActions = new[] { Ml + "workspaces/*/write" } });
        Assert.Equal(Ml + "workspaces/*/write", noWrites.Grant(Control(WorkspaceWrite)).ExcludedBy!.Text);
        Assert.Equal(Ml + "workspaces/*/write", noWrites.Grant(Control(ComputeWrite)).ExcludedBy!.Text);
        Assert.Equal(GrantKind.Unconditional, noWrites.Grant(Control(ComputeDelete)).Kind);

        Assert.Equal("*", Block(Allow("*")).Grant(Control("Contoso.Widgets/widgets/read")).GrantedBy!.Text);
    }

    [Fact]
    public void The_first_matching_entry_is_the_one_named()
    {
        var grant = Block(Allow(ComputeWrite, Ml + "workspaces/computes/*", "*")).Grant(Control(ComputeWrite));

        Assert.Equal(ComputeWrite, grant.GrantedBy!.Text);
    }

    [Fact]
    public void A_condition_makes_a_grant_conditional_only_for_the_operations_it_restricts()
    {
        var block = Block(new Permission { DataActions = new[] { "Microsoft.Storage/*" }, Condition = BlobCondition, ConditionVersion = "2.0" });

        var read = block.Grant(Data(BlobRead));
        Assert.Equal(GrantKind.Conditional, read.Kind);
        Assert.True(read.Grants);
        Assert.Equal(BlobCondition, read.Condition);
        Assert.Equal("Microsoft.Storage/*", read.GrantedBy!.Text);

        var write = block.Grant(Data(BlobWrite));
        Assert.Equal(GrantKind.Unconditional, write.Kind);
        Assert.Null(write.Condition);
    }

    [Fact]
    public void A_condition_does_not_bring_back_what_not_actions_removed()
    {
        var gated = "((!(ActionMatches{'" + ComputeWrite + "'})) OR (@Request[x] StringEquals 'y'))";
        var grant = Block(new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeWrite }, Condition = gated })
            .Grant(Control(ComputeWrite));

        Assert.Equal(GrantKind.None, grant.Kind);
        Assert.Null(grant.Condition);
        Assert.Equal(ComputeWrite, grant.ExcludedBy!.Text);
    }

    [Fact]
    public void A_catalog_operation_is_decided_as_the_same_name_outside_the_catalog()
    {
        // The per-operation sets worked out in advance must say what matching the entries says.
        var gated = "((!(ActionMatches{'" + ComputeWrite + "'})) OR (@Request[x] StringEquals 'y'))";
        var blocks = new[]
        {
            Block(new Permission { Actions = new[] { Ml + "workspaces/computes/*" }, NotActions = new[] { ComputeDelete } }),
            Block(new Permission { Actions = new[] { "*/read", Ml + "workspaces/*/write" }, Condition = gated }),
            Block(new Permission { DataActions = new[] { "*" } }),
        };
        foreach (var block in blocks)
        {
            for (var i = 0; i < AmlCatalog.Default.Operations.Count; i++)
            {
                var operation = AmlCatalog.Default.Operations[i];
                var inCatalog = new ResolvedAction(operation.Name, i, operation.IsDataAction);
                var outside = new ResolvedAction(operation.Name, -1, operation.IsDataAction);
                Assert.Equal(block.Grant(outside), block.Grant(inCatalog));
                Assert.Equal(block.Grant(outside).Kind, block.KindOf(inCatalog));
                Assert.Equal(block.Grant(outside).Kind, block.KindOf(outside));
            }
        }
        Assert.Equal(GrantKind.Conditional, blocks[1].KindOf(Control(ComputeWrite)));
        Assert.Equal(GrantKind.None, blocks[0].KindOf(Control(ComputeDelete)));
    }
}
