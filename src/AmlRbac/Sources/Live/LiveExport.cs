using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Reads a tenant from live Azure and saves it as a snapshot, so later questions need no Azure. The file
/// is written only after everything was read, through <see cref="SnapshotWriter"/>'s temporary file and
/// rename: a failed or cancelled collection leaves no file, and an earlier file at the path stays as it was.
/// The role assignments, the part that grows into the millions, are spooled to disk as their pages arrive
/// (<see cref="RoleAssignmentSpool"/>), so the memory an export takes grows far less than the tenant (issue #16).
/// </summary>
public static class LiveExport
{
    /// <summary>Collects <paramref name="scopes"/> with their workspaces' resources and writes the snapshot to <paramref name="path"/>; returns what was collected.</summary>
    public static async Task<LiveCollection> ExportAsync(
        LiveTenantCollector collector,
        IEnumerable<Scope> scopes,
        string path,
        IProgress<CollectionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // A missing folder is found before any request, not after a long collection.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new AmlRbacException(ErrorIds.SnapshotWriteFailed, FailureCategory.ObjectNotFound,
                $"Cannot write the snapshot '{path}': the folder '{folder}' does not exist.", path);
        }
        // A snapshot holds the resources the posture rules read too, so 'amlrbac posture --snapshot' needs no Azure.
        try
        {
            using var spool = RoleAssignmentSpool.Beside(path);
            var collection = await collector.CollectAsync(scopes, progress, cancellationToken, withResources: true, spool).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            SnapshotWriter.Write(collection.Tenant, spool, path);
            return collection with { Counts = collection.Counts with { RoleAssignments = spool.Count + spool.EligibleCount, EligibleAssignments = spool.EligibleCount } };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AmlRbacException(ErrorIds.SnapshotWriteFailed,
                e is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.WriteError,
                $"Cannot write the snapshot '{path}': {e.Message}", path, e);
        }
    }
}
