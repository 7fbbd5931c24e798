using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// The example custom roles exactly as "Manage access to Azure Machine Learning workspaces"
/// (https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles) publishes them, defects included
/// (mlops_custom_role.json has a trailing comma): one file each under tests/fixtures/published-roles.
/// </summary>
internal static class PublishedExamples
{
    // The example file names of that page and the catalog templates they became (templates.json "source").
    public static readonly (string File, string Template)[] Files =
    {
        ("data_scientist_custom_role.json", "DataScientistBasic"),
        ("data_scientist_restricted_custom_role.json", "DataScientistRestricted"),
        ("mlflow_data_scientist_custom_role.json", "MlflowDataScientist"),
        ("mlops_custom_role.json", "MLOps"),
        ("workspace_admin_custom_role.json", "WorkspaceAdmin"),
        ("labeling_team_lead_custom_role.json", "LabelingTeamLead"),
    };

    /// <summary>
    /// The JSON published under <paramref name="file"/> (the first one, where the page has two of that name), with
    /// "\n" line ends whatever the checkout made of them: tests edit it by text.
    /// </summary>
    public static string Json(string file) => string.Join("\n", File.ReadAllLines(TestFiles.Fixture("published-roles", file)));
}
