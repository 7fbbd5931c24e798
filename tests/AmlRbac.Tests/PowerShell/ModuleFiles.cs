using System.Reflection;
using System.Text.Json;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// The module's files as tests read them: the repository's manifest, docs and format file, and the
/// cmdlet assembly loaded for inspection only. No PowerShell runs here and PowerShellStandard.Library
/// is a reference assembly (its method bodies are stubs), so the cmdlet types are read with a
/// MetadataLoadContext: their attributes are data, nothing of PowerShell is executed.
/// </summary>
internal static class ModuleFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<MetadataLoadContext> Context = new(CreateContext);

    public static string RepositoryRoot => Root.Value;

    public static string InRepository(params string[] parts) => Path.Combine(new[] { RepositoryRoot }.Concat(parts).ToArray());

    /// <summary>AmlRbac.PowerShell.dll as built beside the tests, in a load context of its own.</summary>
    public static Assembly CmdletAssembly => Context.Value.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "AmlRbac.PowerShell.dll"));

    public static Assembly EngineAssembly => Context.Value.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "AmlRbac.dll"));

    /// <summary>System.Management.Automation as PowerShellStandard.Library declares it (for ErrorCategory).</summary>
    public static Assembly PowerShellAssembly => Context.Value.LoadFromAssemblyName("System.Management.Automation");

    /// <summary>The cmdlet classes: every type carrying [Cmdlet].</summary>
    public static IReadOnlyList<Type> CmdletTypes =>
        CmdletAssembly.GetTypes().Where(t => Attributes(t, "CmdletAttribute").Any()).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>"Test-AmlPermission" from the class's [Cmdlet(verb, noun)].</summary>
    public static string CommandName(Type cmdlet)
    {
        var attribute = Attributes(cmdlet, "CmdletAttribute").Single();
        return $"{attribute.ConstructorArguments[0].Value}-{attribute.ConstructorArguments[1].Value}";
    }

    public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string attributeName) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.Name == attributeName);

    public static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AmlRbac.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No AmlRbac.sln above {AppContext.BaseDirectory}.");
    }

    private static MetadataLoadContext CreateContext()
    {
        var runtime = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll");
        var paths = runtime.Concat(new[]
        {
            Path.Combine(AppContext.BaseDirectory, "AmlRbac.PowerShell.dll"),
            Path.Combine(AppContext.BaseDirectory, "AmlRbac.dll"),
            PowerShellReferencePath(),
        });
        return new MetadataLoadContext(new PathAssemblyResolver(paths));
    }

    /// <summary>
    /// Where restore put PowerShellStandard.Library's System.Management.Automation.dll, from the cmdlet
    /// project's own restore output, so a custom NUGET_PACKAGES folder is found as well as ~/.nuget/packages.
    /// </summary>
    public static string PowerShellReferencePath()
    {
        var assets = InRepository("src", "AmlRbac.PowerShell", "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        var library = document.RootElement.GetProperty("libraries").EnumerateObject()
            .Single(l => l.Name.StartsWith("PowerShellStandard.Library/", StringComparison.OrdinalIgnoreCase));
        var relative = library.Value.GetProperty("path").GetString()!;
        var candidates = document.RootElement.GetProperty("packageFolders").EnumerateObject()
            .Select(folder => Path.Combine(folder.Name, relative, "lib", "netstandard2.0", "System.Management.Automation.dll"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"System.Management.Automation.dll of {library.Name} is not in the restored package folders.");
    }
}
