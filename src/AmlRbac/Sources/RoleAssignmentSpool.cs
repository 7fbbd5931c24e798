using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The role assignments of a snapshot being exported, kept on disk as they arrive instead of in memory: they are
/// the part of a tenant that grows into the millions (issue #16: a 1,000,000-assignment export held them all until
/// it wrote the file). Each goes, in ARM's shape as <see cref="SnapshotWriter"/> writes it, as one line of a
/// temporary file beside the snapshot, the active and the eligible ones apart; the writer copies the lines into the
/// snapshot's two lists. An id added before is skipped, as the collector's lists overlap (two sibling scopes both
/// list the assignments above them): per assignment, memory keeps only a 16-byte digest of its id. Dispose removes
/// the temporary files, whether or not the snapshot was written.
/// </summary>
public sealed class RoleAssignmentSpool : IDisposable
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JsonOutput.Options.Encoder };

    private readonly HashSet<Guid> _seen = new();
    private readonly Section _active;
    private readonly Section _eligible;

    private RoleAssignmentSpool(string snapshotPath)
    {
        _active = new Section(FileOutput.Temporary(snapshotPath + ".roleAssignments"));
        try
        {
            _eligible = new Section(FileOutput.Temporary(snapshotPath + ".roleEligibilityScheduleInstances"));
        }
        catch
        {
            _active.Dispose();
            throw;
        }
    }

    /// <summary>The active assignments added (each id once).</summary>
    public int Count => _active.Count;

    /// <summary>The eligible assignments added (each id once).</summary>
    public int EligibleCount => _eligible.Count;

    /// <summary>A spool for the snapshot to be written at <paramref name="snapshotPath"/>: its files are in the same folder, as the snapshot's own temporary file is.</summary>
    public static RoleAssignmentSpool Beside(string snapshotPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotPath);
        return new RoleAssignmentSpool(Path.GetFullPath(snapshotPath));
    }

    /// <summary>Adds <paramref name="assignment"/> unless one with its id (compared as ARM compares ids, ignoring case) was added; true when added.</summary>
    public bool Add(RoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!_seen.Add(Digest(assignment.Id)))
        {
            return false;
        }
        (assignment.IsEligible ? _eligible : _active).Append(assignment);
        return true;
    }

    /// <summary>Writes the spooled active (or eligible) assignments, in the order added, as items of the list <paramref name="json"/> is in.</summary>
    internal void CopyTo(Utf8JsonWriter json, bool eligible) => (eligible ? _eligible : _active).CopyTo(json);

    public void Dispose()
    {
        _active.Dispose();
        _eligible.Dispose();
    }

    // 128 bits of SHA-256: two different ids share a digest with a chance far below any failure of the disk that holds
    // the spool, and the set stays at a few dozen bytes per assignment, where the ids themselves take hundreds.
    // The id upper-cased into rented buffers, not a new string: one per assignment, a million for a large tenant.
    private static Guid Digest(string id)
    {
        var upper = ArrayPool<char>.Shared.Rent(id.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(id.Length));
        try
        {
            var chars = upper.AsSpan(0, id.AsSpan().ToUpperInvariant(upper));
            var length = Encoding.UTF8.GetBytes(chars, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return new Guid(hash[..16]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(upper);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>One list's lines: each item written on one line when added, read back line by line when copied.</summary>
    private sealed class Section : IDisposable
    {
        private readonly FileStream _file;
        private readonly Utf8JsonWriter _line;

        public Section(string path)
        {
            // DeleteOnClose: the file goes when it is closed (on Windows even when the process ends without closing it).
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _line = new Utf8JsonWriter(_file, LineOptions);
        }

        public int Count { get; private set; }

        public void Append(RoleAssignment assignment)
        {
            SnapshotWriter.WriteRoleAssignment(_line, assignment);
            _line.Flush();
            _file.WriteByte((byte)'\n');
            _line.Reset();
            Count++;
        }

        // Each line is parsed and written again by the snapshot's writer, so the snapshot is laid out as one written
        // from memory is (indented to its depth), byte for byte.
        public void CopyTo(Utf8JsonWriter json)
        {
            _file.Flush();
            _file.Position = 0;
            using var lines = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
            while (lines.ReadLine() is { } line)
            {
                using var item = JsonDocument.Parse(line);
                item.RootElement.WriteTo(json);
                json.FlushWhenFull();
            }
        }

        public void Dispose()
        {
            _line.Dispose();
            _file.Dispose();
        }
    }
}
