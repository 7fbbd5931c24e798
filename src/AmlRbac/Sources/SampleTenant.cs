using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The Contoso sample tenant (samples/contoso.snapshot.json, embedded in this assembly; who is who is in
/// samples/README.md): the tenant the documentation, the shared test cases (tests/cases) and
/// "try it with no Azure" use.
/// </summary>
public static class SampleTenant
{
    private const string ResourceName = "AmlRbac.Sources.contoso.snapshot.json";
    private const string SourceName = "samples/contoso.snapshot.json (embedded)";

    private static readonly Lazy<string> EmbeddedJson = new(ReadResource);
    private static readonly Lazy<Tenant> EmbeddedTenant = new(() => SnapshotReader.Parse(Json, SourceName));

    /// <summary>The sample snapshot's text.</summary>
    public static string Json => EmbeddedJson.Value;

    /// <summary>The sample tenant (read once; a <see cref="Tenant"/> is immutable).</summary>
    public static Tenant Load() => EmbeddedTenant.Value;

    private static string ReadResource()
    {
        using var stream = typeof(SampleTenant).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded sample '{ResourceName}' is missing from {typeof(SampleTenant).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
