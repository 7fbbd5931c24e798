using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// The example custom roles exactly as seed 001 ("Manage access to Azure Machine Learning workspaces")
/// publishes them: each "name.json :" line is followed by the JSON, from a "{" line to a "}" line.
/// </summary>
internal static class PublishedExamples
{
    // The file names of seed 001 and the catalog templates they became (templates.json "source").
    public static readonly (string File, string Template)[] Files =
    {
        ("data_scientist_custom_role.json", "DataScientistBasic"),
        ("data_scientist_restricted_custom_role.json", "DataScientistRestricted"),
        ("mlflow_data_scientist_custom_role.json", "MlflowDataScientist"),
        ("mlops_custom_role.json", "MLOps"),
        ("workspace_admin_custom_role.json", "WorkspaceAdmin"),
        ("labeling_team_lead_custom_role.json", "LabelingTeamLead"),
    };

    public static string SeedPath => Path.Combine(TestFiles.RepositoryRoot, "..", "shared", "seeds", "001_d2a5e7216ac9b403.txt");

    /// <summary>The JSON published under <paramref name="file"/> (the first one, where the seed has two of that name).</summary>
    public static string Json(string file)
    {
        var lines = File.ReadAllLines(SeedPath);
        var at = Array.FindIndex(lines, l => l.Trim() == file + " :");
        var start = Array.FindIndex(lines, at, l => l.StartsWith('{'));
        var end = Array.FindIndex(lines, start, l => l.StartsWith('}'));
        return string.Join("\n", lines[start..(end + 1)]);
    }
}
