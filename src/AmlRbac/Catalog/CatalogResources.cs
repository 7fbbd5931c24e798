using System.IO.Compression;

namespace AmlRbac.Catalog;

/// <summary>
/// The files of Catalog/Data as the assembly carries them: the build zips the folder into one embedded resource
/// (AmlRbac.csproj, target ZipCatalogData), which keeps the module small now that the data holds every built-in role
/// and the operations of many providers. The files stay plain text in the repository.
/// </summary>
internal static class CatalogResources
{
    private const string ResourceName = "AmlRbac.Catalog.Data.zip";

    private static readonly Lazy<ZipArchive> Archive = new(() => new ZipArchive(
        typeof(CatalogResources).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(CatalogResources).Assembly.GetName().Name}."),
        ZipArchiveMode.Read));

    /// <summary>One file of Catalog/Data, decompressed into memory (an archive's entries are not to be read by several threads at once).</summary>
    public static Stream Open(string fileName)
    {
        var archive = Archive.Value;
        lock (archive)
        {
            var entry = archive.GetEntry(fileName)
                ?? throw new InvalidOperationException($"The embedded catalog file '{fileName}' is missing from {ResourceName}.");
            var copy = new MemoryStream(checked((int)entry.Length));
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }
            copy.Position = 0;
            return copy;
        }
    }
}
