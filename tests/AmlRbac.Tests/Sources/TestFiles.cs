using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Tests.Sources;

/// <summary>Where the repository's files are from a test run, and a structural comparison of tenants.</summary>
internal static class TestFiles
{
    /// <summary>The folder holding AmlRbac.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample => Path.Combine(RepositoryRoot, "samples", "contoso.snapshot.json");

    /// <summary>
    /// A file of tests/fixtures (where each comes from: tests/fixtures/README.md), as the test project copies it
    /// beside the tests under fixtures/.
    /// </summary>
    public static string Fixture(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory, "fixtures" }.Concat(parts).ToArray());

    /// <summary>An ARM response example of Microsoft.Authorization or Microsoft.MachineLearningServices (tests/fixtures/arm-examples).</summary>
    public static string ArmExample(string name) => Fixture("arm-examples", name);

    /// <summary>
    /// A tenant as JSON of its model records, with where-from fields left out: two tenants with the same
    /// text hold the same data. (Records compare their lists by reference, so == cannot tell.)
    /// </summary>
    public static string Content(Tenant tenant) => JsonSerializer.Serialize(tenant with
    {
        Source = null,
        IsInventory = false,
        RoleDefinitions = tenant.RoleDefinitions.Select(r => r with { Source = null }).ToList(),
        Policy = tenant.Policy with { Source = null },
    });

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AmlRbac.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AmlRbac.sln.");
    }
}
