namespace AmlRbac.Policy;

/// <summary>
/// The stable error ids of the Azure Policy layer. Like <see cref="Model.ErrorIds"/> they are a contract: extend,
/// never rename. Kept here until they are merged into <see cref="Model.ErrorIds"/>.
/// </summary>
public static class PolicyErrorIds
{
    /// <summary>A model asset id is not one of the documented forms (azureml://registries/..., azureml:name:version, azureml:/subscriptions/...).</summary>
    public const string ModelAssetIdInvalid = "ModelAssetIdInvalid";

    /// <summary>A policy definition, set definition, assignment or exemption in a snapshot is malformed.</summary>
    public const string PolicyInvalid = "PolicyInvalid";

    /// <summary>A value given to author a policy assignment is not accepted by the definition (for example an effect outside allowedValues).</summary>
    public const string PolicyParameterInvalid = "PolicyParameterInvalid";
}
