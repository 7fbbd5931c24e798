using System.Management.Automation;

namespace AmlRbac.PowerShell;

/// <summary>
/// File paths as PowerShell users give them, resolved against PowerShell's current location (not the
/// process's): a -Path may hold wildcards, a -LiteralPath (-LiteralSnapshotPath) is taken as written.
/// </summary>
internal static class ProviderPaths
{
    /// <summary>
    /// The files <paramref name="pattern"/> matches. A pattern that matches nothing is passed on as written, so
    /// the reader reports it as a missing file (SnapshotNotFound, RoleFileNotFound) like any other; a file whose
    /// name holds '[' ']' is found that way too when no other file matches the pattern.
    /// </summary>
    public static IReadOnlyList<string> Resolve(SessionState session, string pattern)
    {
        try
        {
            var matches = session.Path.GetResolvedProviderPathFromPSPath(pattern, out _);
            if (matches.Count > 0)
            {
                return matches;
            }
        }
        catch (ItemNotFoundException)
        {
            // Nothing matches: fall through to the path as written.
        }
        return new[] { Literal(session, pattern) };
    }

    /// <summary>The file <paramref name="path"/> names, character for character: no wildcard is expanded.</summary>
    public static string Literal(SessionState session, string path) => session.Path.GetUnresolvedProviderPathFromPSPath(path);
}
