using System.Text;

namespace AmlRbac.Sources;

/// <summary>
/// The one way the engine writes files (snapshots, role definitions, policy files): whole or not at all.
/// Each file is first written to a uniquely named temporary file beside it, and only when every one is
/// written are they renamed into place, so a reader never sees a half-written file and a file that
/// cannot be written leaves all of them unchanged. UTF-8 without a byte order mark.
/// </summary>
internal static class FileOutput
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/>. On an I/O or access failure the
    /// temporary file is removed and <paramref name="failure"/> (given the path and the error) makes the
    /// exception to throw; without it the error itself is thrown.
    /// </summary>
    public static void Write(string path, string text, Func<string, Exception, Exception>? failure = null) =>
        WriteAll(new[] { (path, text) }, failure);

    /// <summary>Writes every file, all or none; <paramref name="failure"/> as for <see cref="Write"/>, given the file that failed.</summary>
    public static void WriteAll(IReadOnlyList<(string Path, string Text)> files, Func<string, Exception, Exception>? failure = null)
    {
        var temporaries = files.Select(f => Temporary(f.Path)).ToList();
        var current = files.Count > 0 ? files[0].Path : string.Empty;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                File.WriteAllText(temporaries[i], files[i].Text, Utf8);
            }
            for (var i = 0; i < files.Count; i++)
            {
                current = files[i].Path;
                File.Move(temporaries[i], Path.GetFullPath(files[i].Path), overwrite: true);
            }
        }
        catch (Exception error) when (failure is not null && error is IOException or UnauthorizedAccessException)
        {
            throw failure(current, error);
        }
        finally
        {
            // Renamed ones are gone already; the rest, including a partly written one, are removed.
            foreach (var temporary in temporaries)
            {
                TryDelete(temporary);
            }
        }
    }

    private static string Temporary(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

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
