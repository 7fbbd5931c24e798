using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Catalog;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The privileged operations of Catalog/Data/privileged-operations.json: each is an operation of the catalog as the
/// catalog spells it (a report decides it with the evaluator, which would refuse an unknown one), says why, and names
/// a public https page; role assignment write and the workspace's keys and secrets are among them.
/// </summary>
public sealed class PrivilegedOperationTests
{
    [Fact]
    public void Every_privileged_operation_is_a_catalog_operation_spelled_as_the_catalog_spells_it()
    {
        var names = AmlCatalog.Default.Operations.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(PrivilegedOperations.All);
        Assert.All(PrivilegedOperations.All, p => Assert.Contains(p.Operation, names));
        Assert.Equal(PrivilegedOperations.All.Count, PrivilegedOperations.All.Select(p => p.Operation).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_privileged_operation_says_why_and_cites_a_public_page()
    {
        Assert.All(PrivilegedOperations.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Why), p.Operation);
            Assert.Matches(new Regex(@"https://learn\.microsoft\.com/\S+"), p.Source);
        });
    }

    [Theory]
    [InlineData("Microsoft.Authorization/roleAssignments/write", PrivilegeKind.RoleAssignment)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/listKeys/action", PrivilegeKind.Secrets)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action", PrivilegeKind.Secrets)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/datastores/listsecrets/action", PrivilegeKind.Secrets)]
    public void Role_assignment_write_and_the_workspace_secrets_are_privileged(string operation, PrivilegeKind kind)
    {
        Assert.Equal(kind, PrivilegedOperations.All.Single(p => p.Operation == operation).Kind);
    }
}
