namespace AmlRbac.Policy;

/// <summary>Which definition modes evaluate a model deployment.</summary>
internal static class PolicyModes
{
    public const string MachineLearningV2Data = "Microsoft.MachineLearningServices.v2.Data";

    /// <summary>
    /// Only v2.Data evaluates model deployments: "Microsoft.MachineLearningServices.v2.Data for managing Azure Machine
    /// Learning model deployments" [BASICS]; its component type is <c>…v2.Data/workspaces/deployments</c> [POL].
    /// </summary>
    public static bool EvaluatesModelDeployments(string mode) => string.Equals(mode, MachineLearningV2Data, StringComparison.OrdinalIgnoreCase);
}
