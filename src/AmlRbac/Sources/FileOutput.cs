using System.Text;

namespace AmlRbac.Sources;

/// <summary>
/// The one way the engine writes files (snapshots, role definitions, policy files): whole or not at all.
/// Each file is first written to a uniquely named temporary file beside it, and only when every one is
/// written are they renamed into place, so a reader never sees a half-written file. A failure at any step,
/// even the rename of the second of two files, leaves every file as it was: a file renamed into place
/// before the failure gets its previous content back, or is removed if it did not exist.
/// UTF-8 without a byte order mark.
/// </summary>
internal static class FileOutput
{
    /// <summary>Moves <paramref name="source"/> over <paramref name="destination"/>, replacing it: the step that puts a file in place.</summary>
    internal delegate void Rename(string source, string destination);

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Rename Replace = (source, destination) => File.Move(source, destination, overwrite: true);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/>. On an I/O or access failure the
    /// temporary file is removed and <paramref name="failure"/> (given the path and the error) makes the
    /// exception to throw; without it the error itself is thrown.
    /// </summary>
    public static void Write(string path, string text, Func<string, Exception, Exception>? failure = null) =>
        WriteAll(new[] { (path, text) }, failure);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> where no file is: when one is there,
    /// <paramref name="exists"/> (given the path) makes the exception to throw, and nothing is written. The rename into
    /// place never replaces either, so a file that appears meanwhile is left as it is (and <paramref name="failure"/> is
    /// given the error).
    /// </summary>
    public static void WriteNew(string path, string text, Func<string, Exception> exists, Func<string, Exception, Exception>? failure = null)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw exists(path);
        }
        WriteAll(new[] { (path, text) }, failure, KeepExisting);
    }

    private static readonly Rename KeepExisting = (source, destination) => File.Move(source, destination, overwrite: false);

        /// <summary>Writes every file, all or none; <paramref name="failure"/> as for <see cref="Write(string, string, Func{string, Exception, Exception}?)"/>, given the file that failed.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, string Text)> files, Func<string, Exception, Exception>? failure = null) =>
        WriteAll(files, failure, Replace);

    /// <summary>As <see cref="WriteAll(IReadOnlyList{ValueTuple{string, string}}, Func{string, Exception, Exception}?)"/>, putting files in place with <paramref name="rename"/> (tests make it fail).</summary>
    internal static void WriteAll(IReadOnlyList<(string Path, string Text)> files, Func<string, Exception, Exception>? failure, Rename rename) =>
        WriteAll(files.Select(f => (f.Path, Content: (Action<Stream>)(stream => WriteText(stream, f.Text)))).ToList(), failure, rename);

    /// <summary>
    /// Writes what <paramref name="content"/> writes to the stream, whole or not at all as
    /// <see cref="Write(string, string, Func{string, Exception, Exception}?)"/> does, without holding it in memory
    /// first (the snapshot of a large tenant, issue #16).
    /// </summary>
    public static void Write(string path, Action<Stream> content, Func<string, Exception, Exception>? failure = null) =>
        WriteAll(new[] { (path, content) }, failure, Replace);

    private static void WriteText(Stream stream, string text)
    {
        using var writer = new StreamWriter(stream, Utf8);
        writer.Write(text);
    }

    private static void WriteAll(IReadOnlyList<(string Path, Action<Stream> Content)> files, Func<string, Exception, Exception>? failure, Rename rename)
    {
        var targets = files.Select(f => Path.GetFullPath(f.Path)).ToList();
        var temporaries = targets.Select(Temporary).ToList();
        // A copy of each existing file that is replaced while a later rename can still fail; the last rename
        // failing replaces nothing, so its file needs none.
        var backups = new string?[files.Count];
        var placed = 0;
        var done = false;
        var current = files.Count > 0 ? files[0].Path : string.Empty;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                using var stream = new FileStream(temporaries[i], FileMode.Create, FileAccess.Write, FileShare.None);
                files[i].Content(stream);
            }
            for (var i = 0; i < files.Count - 1; i++)
            {
                current = files[i].Path;
                if (File.Exists(targets[i]))
                {
                    backups[i] = Temporary(targets[i]);
                    File.Copy(targets[i], backups[i]!);
                }
            }
            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                rename(temporaries[i], targets[i]);
                placed = i + 1;
            }
            done = true;
        }
        catch (Exception error) when (failure is not null && error is IOException or UnauthorizedAccessException)
        {
            throw failure(current, error);
        }
        finally
        {
            if (!done)
            {
                PutBack(targets, backups, placed, rename);
            }
            // Renamed ones are gone already; the rest, including a partly written one, and the backups are removed.
            foreach (var leftover in temporaries.Concat(backups.OfType<string>()))
            {
                TryDelete(leftover);
            }
        }
    }

    // Undoes the renames that succeeded, last first: the previous content back, or no file where there was none.
    private static void PutBack(IReadOnlyList<string> targets, IReadOnlyList<string?> backups, int placed, Rename rename)
    {
        for (var i = placed - 1; i >= 0; i--)
        {
            try
            {
                if (backups[i] is { } backup)
                {
                    rename(backup, targets[i]);
                }
                else
                {
                    File.Delete(targets[i]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the failure being reported is the one that matters.
            }
        }
    }

    /// <summary>A uniquely named temporary file beside <paramref name="path"/>, hidden (a leading dot), ending ".tmp".</summary>
    internal static string Temporary(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the failure being reported is the one that matters.
        }
    }
}
