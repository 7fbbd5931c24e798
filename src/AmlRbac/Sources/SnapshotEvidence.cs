namespace AmlRbac.Sources;

/// <summary>
/// Which file a tenant was read from, as an audit names it: the path as given, its SHA-256 digest (lower-case hex,
/// of the very bytes the reader parsed) and its length in bytes. Two runs that show the same digest read the same file.
/// </summary>
public sealed record SnapshotEvidence(string Path, string Sha256, long Bytes)
{
    /// <summary>"samples/contoso.snapshot.json (sha256 9ed3...)": how a person reads it in a list.</summary>
    public override string ToString() => $"{Path} (sha256 {Sha256})";
}
