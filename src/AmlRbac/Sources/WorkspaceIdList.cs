using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A list of workspace resource ids, one a line, as `az resource list ... --query [].id -o tsv` writes it
/// (amlrbac workspace-identity --ids-from). Blank lines and lines starting with '#' are skipped; an id is
/// checked later, per workspace, so one bad line fails only its own workspace.
/// </summary>
public static class WorkspaceIdList
{
    /// <summary>The ids in the file at <paramref name="path"/>; IdsFileNotFound when it is missing, a folder or unreadable.</summary>
    public static IReadOnlyList<string> Read(string path) => Parse(FileInput.ReadAllText(path, ErrorIds.IdsFileNotFound, "The workspace ids file"));

    /// <summary>The ids in <paramref name="text"/> (a file's, or standard input's).</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}
