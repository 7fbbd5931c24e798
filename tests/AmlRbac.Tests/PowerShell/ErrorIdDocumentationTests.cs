using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// Scripts match errors by id ($Error[0].FullyQualifiedErrorId), so every id the module can raise is
/// explained in the about_AmlRbac help topic, where Get-Help about_AmlRbac shows it.
/// </summary>
public sealed class ErrorIdDocumentationTests
{
    public static TheoryData<string> Ids => new(typeof(ErrorIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_error_id_is_explained_in_about_AmlRbac(string id)
    {
        var about = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "about_AmlRbac.md"));

        Assert.Matches(new Regex($@"\b{id}\b"), about);
    }
}
