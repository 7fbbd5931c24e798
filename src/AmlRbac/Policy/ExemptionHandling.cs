namespace AmlRbac.Policy;

/// <summary>
/// How exemptions on assignments of data-plane (Resource Provider) modes are treated. The sources conflict:
/// <list type="bullet">
/// <item>[EXEMPT]: "Azure Policy exemptions work with Resource Manager modes, Microsoft.Kubneretes.Data [sic],
/// Microsoft.KeyVault.Data and Microsoft.Network.Data and don't work with the other Resource Provider modes"; [BASICS]:
/// "Unless explicitly stated, Resource Provider modes only support built-in policy definitions, and exemptions are
/// not supported at the component-level". Microsoft.MachineLearningServices.v2.Data is one of the other modes.</item>
/// <item>[MLREG] (the Azure ML doc about these very policies): "Any change in the policy (including updating the policy
/// definition, assignments, exemptions or policy set) takes 10 mins", counting exemptions among the changes that apply.</item>
/// </list>
/// </summary>
public enum ExemptionHandling
{
    /// <summary>
    /// The default: follow the Azure Policy structure docs [EXEMPT][BASICS], which state the rule explicitly, rather than
    /// a passing mention [MLREG]. An exemption on a v2.Data assignment is not honoured; the verdict names it as set aside.
    /// </summary>
    Documented,

    /// <summary>Honour every unexpired exemption that covers the workspace (the reading of [MLREG]).</summary>
    Honour,
}
