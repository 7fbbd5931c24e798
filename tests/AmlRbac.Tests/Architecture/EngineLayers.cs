namespace AmlRbac.Tests.Architecture;

/// <summary>
/// THE dependency rule of the engine (AmlRbac.dll), the only place it is written: docs/ARCHITECTURE.md shows the
/// same table and says this one is the authority. Data (Model, Catalog) calls no rule; deciding (Rbac, Policy)
/// knows no file format and does no I/O; Sources reads and writes every file and wire format; Questions and
/// WorkspaceIdentity are what the front ends call; Output renders. A new folder of src/AmlRbac is a new namespace
/// and fails <see cref="EngineLayerTests"/> until it is placed here on purpose.
/// </summary>
internal static class EngineLayers
{
    public static readonly LayerRule Rule = new(
        Root: "AmlRbac",
        MayDependOn: new Dictionary<string, string[]>
        {
            ["Model"] = [],
            ["Catalog"] = ["Model"],
            ["Rbac"] = ["Model", "Catalog"],
            ["Policy"] = ["Model", "Catalog"],
            ["Authoring"] = ["Model", "Catalog", "Rbac", "Policy"],
            ["Sources"] = ["Model", "Catalog", "Authoring"],
            ["Sources.Live"] = ["Model", "Catalog", "Authoring", "Sources"],
            ["Posture"] = ["Model", "Catalog"],
            ["Questions"] = ["Model", "Catalog", "Rbac", "Policy", "Authoring", "Sources", "Sources.Live", "Posture"],
            ["WorkspaceIdentity"] = ["Model", "Catalog", "Rbac", "Authoring", "Sources", "Sources.Live"],
            ["Output"] = ["Model", "Catalog", "Rbac", "Policy", "Authoring", "Sources", "Questions", "WorkspaceIdentity", "Posture"],
        },
        MayTouchFilesAndNetwork: ["Sources", "Sources.Live"],
        IsFileOrNetwork: IsFileOrNetwork);

    // The file system and the network. Streams, readers and writers are not listed: the engine reads embedded
    // resources (Assembly.GetManifestResourceStream in Catalog and Sources) and writes to a TextWriter it is given.
    private static readonly string[] FileSystemTypes = ["File", "Directory", "FileStream", "FileInfo", "DirectoryInfo", "FileSystemInfo"];

    public static bool IsFileOrNetwork(TypeName type) =>
        (type.Namespace == "System.IO" && FileSystemTypes.Contains(type.Name))
        || type.Namespace == "System.Net.Http" || type.Namespace.StartsWith("System.Net.Http.", StringComparison.Ordinal);
}
