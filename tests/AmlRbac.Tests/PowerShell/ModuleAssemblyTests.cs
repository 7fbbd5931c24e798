using Xunit;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// The module loads beside Az.Accounts and other modules in one load context, so it must bring no
/// third-party assembly (version clashes of Azure.Core, Newtonsoft.Json ... break whole sessions).
/// The cmdlet assembly may reference the engine, PowerShell and the runtime; the engine only the runtime.
/// </summary>
public sealed class ModuleAssemblyTests
{
    private static bool IsRuntime(string name) => name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System";

    [Fact]
    public void The_cmdlet_assembly_references_only_the_engine_PowerShell_and_the_runtime()
    {
        var references = ModuleFiles.CmdletAssembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("AmlRbac", references);
        Assert.Contains("System.Management.Automation", references);
        Assert.DoesNotContain(references, name => name != "AmlRbac" && !IsRuntime(name));
    }

    [Fact]
    public void The_engine_references_only_the_runtime()
    {
        var references = ModuleFiles.EngineAssembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(references, name => !IsRuntime(name));
    }

    [Fact]
    public void The_engine_knows_nothing_of_PowerShell()
    {
        Assert.DoesNotContain("System.Management.Automation", ModuleFiles.EngineAssembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void The_cmdlet_project_keeps_the_PowerShell_reference_assembly_out_of_its_output()
    {
        // PowerShell provides System.Management.Automation at run time; shipping the reference stub
        // (whose methods do nothing) would shadow it. build.ps1 also fails on any dll but the two.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll")));
        var project = File.ReadAllText(ModuleFiles.InRepository("src", "AmlRbac.PowerShell", "AmlRbac.PowerShell.csproj"));
        Assert.Matches("Include=\"PowerShellStandard.Library\"[^>]*ExcludeAssets=\"runtime\"", project);
    }

    [Fact]
    public void The_cmdlets_compile_against_a_stable_PowerShellStandard_release()
    {
        // 5.1.1 is the stable release; the 5.1.0 previews were what the module first built with.
        var packages = File.ReadAllText(ModuleFiles.InRepository("Directory.Packages.props"));
        var version = System.Text.RegularExpressions.Regex.Match(packages, "Include=\"PowerShellStandard.Library\" Version=\"([^\"]+)\"").Groups[1].Value;

        Assert.True(Version.TryParse(version, out var parsed) && parsed >= new Version(5, 1, 1), $"PowerShellStandard.Library {version}");
    }
}
