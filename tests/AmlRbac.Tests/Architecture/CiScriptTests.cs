using System.Text.RegularExpressions;
using Xunit;

using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// .ci/run runs exactly the README's test command, and first installs headless Chromium for the access report's
/// browser test (tests/pester/Export-AmlAccessReport.Tests.ps1), only when it is missing, apt-get exists and it runs
/// as root.
/// </summary>
public sealed class CiScriptTests
{
    private static readonly string Script = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, ".ci", "run"));

    [Fact]
    public void Runs_the_readme_test_command()
    {
        var readme = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "README.md"));
        var command = Regex.Match(readme, @"(?m)^dotnet tool restore && .*-Test$").Value;

        Assert.NotEmpty(command);
        Assert.Contains(command + " 2>&1 | tee", Script);
    }

    [Fact]
    public void Installs_chromium_only_when_missing_with_apt_get_and_as_root()
    {
        var install = Regex.Match(Script, @"(?ms)^if command -v apt-get .*? && \[ ""\$\(id -u\)"" -eq 0 \]; then\s+command -v chromium [^|]*\|\| \(apt-get update && apt-get install -y chromium\)");

        Assert.True(install.Success, "No guarded 'apt-get install -y chromium' in .ci/run.");
        Assert.True(install.Index < Script.IndexOf("build.ps1 -Test", StringComparison.Ordinal), "Chromium is installed after the tests run.");
    }
}
