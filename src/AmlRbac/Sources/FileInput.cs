using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The one way the engine reads a file a user names (snapshots, role files): its text, or an
/// <see cref="AmlRbacException"/> that says why not, never a raw I/O exception. Each kind of file keeps its
/// own error id and its own word for the file in the message.
/// </summary>
internal static class FileInput
{
    /// <summary>
    /// The text of <paramref name="path"/>. A file that is missing, a folder, or not readable is
    /// <paramref name="errorId"/>: "{<paramref name="what"/>} '{path}' does not exist." (ObjectNotFound),
    /// "... is a folder, not a file." (InvalidArgument) or "... cannot be read: {reason}" (PermissionDenied,
    /// or ResourceUnavailable for any other I/O failure).
    /// </summary>
    public static string ReadAllText(string path, string errorId, string what) => Opened(path, errorId, what, File.ReadAllText);

    /// <summary>
    /// <paramref name="path"/> opened for one pass from start to end (large snapshots are read as a stream,
    /// never whole); fails as <see cref="ReadAllText"/> does.
    /// </summary>
    public static FileStream OpenRead(string path, string errorId, string what) =>
        Opened(path, errorId, what, p => new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));

    private static T Opened<T>(string path, string errorId, string what, Func<string, T> open)
    {
        try
        {
            return open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Opening a folder fails as access denied (Windows and Unix alike), which would mislead.
            var (category, problem) = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => (FailureCategory.ObjectNotFound, "does not exist."),
                _ when Directory.Exists(path) => (FailureCategory.InvalidArgument, "is a folder, not a file."),
                UnauthorizedAccessException => (FailureCategory.PermissionDenied, $"cannot be read: {e.Message}"),
                _ => (FailureCategory.ResourceUnavailable, $"cannot be read: {e.Message}"),
            };
            throw new AmlRbacException(errorId, category, $"{what} '{path}' {problem}", path, e);
        }
    }
}
