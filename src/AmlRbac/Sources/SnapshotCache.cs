using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The last snapshot read, kept for the next question on the same file: a PowerShell session asks many
/// questions of one snapshot, and a tenant of a million assignments takes seconds to read (issue #16). The
/// file is the same when its full path, size and last write time are; any change to it reads it again.
/// One snapshot is kept, so memory stays that of the largest tenant asked about.
/// </summary>
public sealed class SnapshotCache
{
    private readonly object _gate = new();
    private (string Path, long Size, DateTime WrittenUtc, Tenant Tenant)? _last;

    /// <summary>The cache a PowerShell session's cmdlets share.</summary>
    public static SnapshotCache Shared { get; } = new();

    /// <summary>
    /// The tenant of the snapshot at <paramref name="path"/>, read by <see cref="SnapshotReader.Read(string)"/> unless
    /// the same file was read last; <paramref name="fromCache"/> says which.
    /// </summary>
    public Tenant Read(string path, out bool fromCache)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            // SnapshotReader says what is wrong (missing, a folder, unreadable).
            fromCache = false;
            return SnapshotReader.Read(path);
        }
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        lock (_gate)
        {
            if (_last is { } last && (last.Path, last.Size, last.WrittenUtc) == key)
            {
                fromCache = true;
                return last.Tenant;
            }
        }
        var tenant = SnapshotReader.Read(path);
        lock (_gate)
        {
            _last = (key.FullName, key.Length, key.LastWriteTimeUtc, tenant);
        }
        fromCache = false;
        return tenant;
    }
}
