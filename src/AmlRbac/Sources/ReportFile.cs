using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a rendered report (Export-AmlAccessReport -Path, amlrbac report --out) whole or not at all
/// (<see cref="FileOutput"/>), and never over a file the user did not ask to replace: a report names people and their
/// rights, and an earlier one kept as evidence must not vanish under a typo.
/// </summary>
public static class ReportFile
{
    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/>. An existing file is replaced only when
    /// <paramref name="replace"/> is true, else OutFileExists, whose message names <paramref name="replaceSwitch"/>, the
    /// host's spelling of the switch that replaces (-Force, --force). Throws OutFileNotWritten when the file cannot be
    /// written (a missing folder, no permission).
    /// </summary>
    public static void Write(string path, string text, bool replace, string replaceSwitch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (replace)
        {
            FileOutput.Write(path, text, NotWritten);
        }
        else
        {
            FileOutput.WriteNew(path, text, existing => Exists(existing, replaceSwitch), NotWritten);
        }
    }

    /// <summary>
    /// What <see cref="Write"/> would refuse, found before the report is made (a live read takes a while): OutFileExists,
    /// or OutFileNotWritten for a folder that does not exist. Write checks again, as the file system may change meanwhile.
    /// </summary>
    public static void Check(string path, bool replace, string replaceSwitch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!replace && (File.Exists(full) || Directory.Exists(full)))
        {
            throw Exists(path, replaceSwitch);
        }
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new AmlRbacException(ErrorIds.OutFileNotWritten, FailureCategory.ObjectNotFound,
                $"The report file '{path}' cannot be written: the folder '{folder}' does not exist.", path);
        }
    }

    private static AmlRbacException Exists(string path, string replaceSwitch) =>
        new(ErrorIds.OutFileExists, FailureCategory.WriteError, $"The report file '{path}' exists; give {replaceSwitch} to replace it, or name another file.", path);

    private static Exception NotWritten(string path, Exception error) =>
        new AmlRbacException(ErrorIds.OutFileNotWritten, error is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.WriteError,
            $"The report file '{path}' cannot be written: {error.Message}", path, error);
}
