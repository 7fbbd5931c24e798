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
            FileOutput.WriteNew(path, text, existing => new AmlRbacException(ErrorIds.OutFileExists, FailureCategory.WriteError,
                $"The report file '{existing}' exists; give {replaceSwitch} to replace it, or name another file.", existing), NotWritten);
        }
    }

    private static Exception NotWritten(string path, Exception error) =>
        new AmlRbacException(ErrorIds.OutFileNotWritten, error is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.WriteError,
            $"The report file '{path}' cannot be written: {error.Message}", path, error);
}
