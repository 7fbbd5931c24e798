namespace AmlRbac.Model;

/// <summary>
/// The public pages that messages, warnings and reasons cite, as the text a user reads: the page's
/// title and address. User-facing text names these, never a key of docs/SOURCES.md or a file of this
/// repository; the key beside each constant is its row there (a test keeps the addresses equal).
/// </summary>
public static class PublicSource
{
    // [RULE]
    public const string PolicyRule = "(Azure Policy definition structure, policy rule: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule)";
    // [STRFN]
    public const string StringFunctions = "(ARM template string functions: https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string)";
    // [BASICS]
    public const string PolicyBasics = "(Azure Policy definition structure basics: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-basics)";
    // [SPEC-PA]
    public const string PolicyAssignmentsApi = "(Policy Assignments REST API, 2025-03-01: https://github.com/Azure/azure-rest-api-specs/blob/main/specification/resources/resource-manager/Microsoft.Authorization/policy/stable/2025-03-01/policyAssignments.json)";
    // [SCOPE]
    public const string PolicyScope = "(Understand scope in Azure Policy: https://learn.microsoft.com/azure/governance/policy/concepts/scope)";
    // [MLREG]
    public const string RegistryDeploymentPolicies = "(Regulate deployments in Model Catalog using policies: https://learn.microsoft.com/azure/machine-learning/how-to-regulate-registry-deployments)";
    // [EXEMPT]
    public const string PolicyExemptions = "(Azure Policy exemption structure: https://learn.microsoft.com/azure/governance/policy/concepts/exemption-structure)";
    // [POL]
    public const string BuiltInPolicies = "(Azure Policy built-in definitions: https://github.com/Azure/azure-policy)";
    // [PARAMS]
    public const string PolicyParameters = "(Azure Policy definition structure, parameters: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-parameters)";
    // [EFFECTS]
    public const string PolicyEffects = "(Azure Policy effect basics: https://learn.microsoft.com/azure/governance/policy/concepts/effect-basics)";
    // [ASSIGN]
    public const string PolicyAssignments = "(Azure Policy assignment structure: https://learn.microsoft.com/azure/governance/policy/concepts/assignment-structure)";
    // [SEED2]
    public const string ModelCatalogCuration = "(Control Model Catalog deployments with Azure RBAC and Azure Policy: https://techcommunity.microsoft.com/t5/ai-machine-learning-blog/control-model-catalog-deployments-with-azure-rbac-and-azure/ba-p/4147633)";
    // [FOUNDRY]
    public const string FoundryModelPolicies = "(Control AI model deployment with built-in policies: https://learn.microsoft.com/azure/ai-foundry/how-to/built-in-policy-model-deployment)";
    // [DENY]
    public const string PolicyDeny = "(Azure Policy deny effect: https://learn.microsoft.com/azure/governance/policy/concepts/effect-deny)";
}
