using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The check on the embedded catalog that build/Update-Catalog.ps1 also makes before it writes: every operation a
/// built-in role names exactly is in the catalog with the kind of its list, for every provider the catalog holds. A row
/// lost or mangled when a permissions page (https://learn.microsoft.com/azure/role-based-access-control/permissions/)
/// was copied fails it. The exceptions are written down, each with why, in build/catalog/role-operations-not-on-pages.tsv:
/// "add" ones are in the catalog, sourced to the roles; "ignore" ones name no operation.
/// </summary>
public sealed class CatalogCoverageTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    public sealed record Exception(string Operation, bool IsDataAction, string Handling, string Why);

    /// <summary>The lines of role-operations-not-on-pages.tsv ('#' lines are its comments).</summary>
    public static IReadOnlyList<Exception> Exceptions() =>
        File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, "build", "catalog", "role-operations-not-on-pages.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => new Exception(f[0], f[1] == "data", f[2], f[3]))
            .ToList();

    [Fact]
    public void Every_operation_a_built_in_role_names_is_in_the_catalog_with_its_kind_but_the_ignored_ones()
    {
        var missing = CatalogCheck.RoleOperationsMissing(Catalog).Select(m => (m.Entry.ToLowerInvariant(), m.IsDataAction)).ToHashSet();
        var ignored = Exceptions().Where(e => e.Handling == "ignore").Select(e => (e.Operation.ToLowerInvariant(), e.IsDataAction)).ToHashSet();

        Assert.Equal(ignored.Order(), missing.Order());
    }

    [Fact]
    public void Every_added_exception_is_in_the_catalog_with_its_kind_and_the_roles_as_its_source_and_has_a_reason()
    {
        var added = Exceptions().Where(e => e.Handling == "add").ToList();

        Assert.NotEmpty(added);
        Assert.All(added, e =>
        {
            var index = Catalog.IndexOfOperation(e.Operation, e.IsDataAction);
            Assert.True(index >= 0, $"{e.Operation} is not in the catalog");
            Assert.StartsWith("named by the built-in role(s) ", Catalog.Operations[index].Source);
            Assert.Contains("role definitions of 2026-08-22", e.Why);
        });
    }

    [Fact]
    public void The_check_reports_an_operation_a_role_names_that_the_catalog_lacks_or_has_of_the_other_kind()
    {
        // A specimen catalog: Storage Blob Data Reader names blobs/read as a data action; this catalog lists it as a
        // control action, and lacks containers/read, while it holds Microsoft.Storage, so both are reported.
        var reader = AmlCatalog.Default.FindRole("Storage Blob Data Reader")!;
        var specimen = new AmlCatalog(
            new[]
            {
                new Operation("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read", false, "Read a blob (specimen: wrong kind)"),
                new Operation("Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action", false, "Returns a user delegation key"),
            },
            new[] { reader });

        var missing = CatalogCheck.RoleOperationsMissing(specimen);

        Assert.Contains(missing, m => m.Entry == "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read" && m.IsDataAction && m.Roles.Contains("Storage Blob Data Reader"));
        Assert.Contains(missing, m => m.Entry == "Microsoft.Storage/storageAccounts/blobServices/containers/read" && !m.IsDataAction);
        // Microsoft.Authorization/*/read is a wildcard, not checked; no Microsoft.Authorization operation is held anyway.
        Assert.DoesNotContain(missing, m => m.Entry.StartsWith("Microsoft.Authorization/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_operations_file_is_sorted_one_line_per_operation_and_every_provider_has_a_source()
    {
        // The data stays reviewable in git: sorted as build/Update-Catalog.ps1 writes it, a control action before a
        // data action of the same name, no line twice, and each provider's page and commit beside it.
        var data = Path.Combine(TestFiles.RepositoryRoot, "src", "AmlRbac", "Catalog", "Data");
        var rows = File.ReadAllLines(Path.Combine(data, "operations.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        var sources = File.ReadAllLines(Path.Combine(data, "operation-sources.tsv")).Skip(1).Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(rows, r => Assert.Equal(4, r.Length));
        Assert.All(rows, r => Assert.Contains(r[1], new[] { "control", "data" }));
        for (var i = 1; i < rows.Count; i++)
        {
            var order = StringComparer.OrdinalIgnoreCase.Compare(rows[i - 1][0], rows[i][0]);
            Assert.True(order < 0 || (order == 0 && rows[i - 1][1] == "control" && rows[i][1] == "data"), $"line {i + 2}: {rows[i][0]} is out of order");
        }
        Assert.Equal(sources.Order(StringComparer.OrdinalIgnoreCase), rows.Select(r => r[0].Split('/')[0]).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(rows.Count, Catalog.Operations.Count);
    }
}
