using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Authoring;

/// <summary>
/// Authors the Azure Policy objects of the "Model catalog guardrails": assignments of the two built-ins that govern
/// model deployments (19539b54, restrict to one registry; 12e5dd16, approved registry models [POL]; [MLREG], [FOUNDRY]),
/// and the Model Catalog curation blog's custom allow-list definition [SEED2] with the warning it needs. Inputs are
/// checked the way Azure would check them, so an emitted assignment is one Azure accepts. The built-in definitions
/// (whose effect parameter says which effects an assignment may give) come from the caller: authoring reads no data.
/// </summary>
public sealed class ModelPolicyAuthoring(Func<string, PolicyDefinition?> builtInDefinition)
{
    public const string RestrictToRegistryDefinitionId = "/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90";
    public const string ApprovedRegistryModelsDefinitionId = "/providers/Microsoft.Authorization/policyDefinitions/12e5dd16-d201-47ff-849b-8454061c293d";

    /// <summary>
    /// Said of every custom definition in mode Microsoft.MachineLearningServices.v2.Data: the sources conflict ([BASICS]
    /// against [SEED2]).
    /// </summary>
    public const string CustomDataModeWarning =
        "Custom definition in a data-plane mode: Microsoft's Azure Policy docs say \"Unless explicitly stated, Resource Provider modes only support built-in policy definitions\" "
        + $"{PublicSource.PolicyBasics}, and no Microsoft doc states an exception for "
        + $"Microsoft.MachineLearningServices.v2.Data. The Model Catalog curation blog {PublicSource.ModelCatalogCuration} nevertheless creates exactly this "
        + "custom allow-list definition, with mode \"Microsoft.MachineLearningServices.v2.Data\" (step 3) and a Not-In rule (step 5). Azure may reject or not enforce it: "
        + "prefer the built-in 12e5dd16 (allowedAssetIds) for an allow-list, and confirm with a test deployment.";

    private const string DeploymentType = ModelDeploymentRequest.ComponentType;
    private const string AssetIdAlias = DeploymentType + "/model.assetId";

    /// <summary>
    /// An assignment of 19539b54: only models of <paramref name="allowedRegistryName"/> may be deployed from registries,
    /// except <paramref name="restrictedModels"/> (the blog's example: azureml, restricting tiiuae-falcon-7b [SEED2]).
    /// Models that are not registry models are not affected unless listed (the rule's like "azureml://registries/*" [POL]).
    /// </summary>
    public PolicyAssignmentDraft RestrictToRegistry(Scope scope, string allowedRegistryName, IEnumerable<string> restrictedModels, AssignmentSettings? settings = null)
    {
        settings ??= AssignmentSettings.Default;
        var registry = (allowedRegistryName ?? "").Trim();
        if (registry.Any(c => c is '*' or '/' || char.IsWhiteSpace(c)))
        {
            // The rule builds the pattern concat('azureml://registries/', name, '/*'); like allows one '*' [RULE].
            throw Invalid($"The registry name '{allowedRegistryName}' cannot hold '*', '/' or white space: it becomes part of the like pattern azureml://registries/{{name}}/* {PublicSource.PolicyRule}.");
        }
        var restricted = Distinct(restrictedModels.Select(m => Pinned(m, "restrictedModels")));
        var warnings = new List<string>
        {
            $"The assignment takes about 15 minutes to become active, applies to new deployments only, and existing non-compliant deployments aren't affected {PublicSource.RegistryDeploymentPolicies}.",
        };
        if (registry.Length == 0)
        {
            warnings.Add("The allowed registry name is empty, the built-in's default: the pattern becomes azureml://registries//*, so every registry model is blocked "
                + $"(\"If not set, by default all models from all registries will be restricted\" {PublicSource.BuiltInPolicies}).");
        }
        warnings.AddRange(restricted
            .Where(m => m.Kind == ModelAssetKind.Registry && !string.Equals(m.RegistryName, registry, StringComparison.OrdinalIgnoreCase))
            .Select(m => $"'{m.AssetId}' is not in registry '{registry}', so it is blocked anyway; listing it changes nothing."));
        var parameters = new Dictionary<string, object?>
        {
            ["allowedRegistryName"] = registry,
            ["restrictedModels"] = restricted.Select(m => (object?)m.AssetId).ToList(),
            ["effect"] = settings.Effect,
        };
        return Draft(scope, RestrictToRegistryDefinitionId, "restrict-model-registry", "Model deployments only from registry " + registry, parameters, settings, warnings);
    }

    /// <summary>
    /// An assignment of 12e5dd16: a registry model may be deployed when its publisher is in <paramref name="allowedPublishers"/>
    /// or its asset id contains one of <paramref name="allowedAssetIds"/> (partial ids allow "all Models under a given scope" [POL]).
    /// </summary>
    public PolicyAssignmentDraft ApprovedRegistryModels(Scope scope, IEnumerable<string> allowedPublishers, IEnumerable<string> allowedAssetIds, AssignmentSettings? settings = null)
    {
        settings ??= AssignmentSettings.Default;
        var publishers = Distinct(allowedPublishers.Select(p => (p ?? "").Trim()).Where(p => p.Length > 0));
        var assetIds = Distinct(allowedAssetIds.Select(a => (a ?? "").Trim()).Where(a => a.Length > 0));
        if (assetIds.FirstOrDefault(a => a.Contains('*')) is { } wildcard)
        {
            // The rule compares with the contains condition, whose value cannot hold '*' [RULE]; partial ids need none.
            throw Invalid($"The allowed asset id '{wildcard}' holds '*': the rule matches with contains, where '*' is ruled out {PublicSource.PolicyRule}; give the id's prefix instead.");
        }
        var warnings = new List<string>
        {
            $"Asset ids match by substring (the rule's contains condition {PublicSource.BuiltInPolicies}): an entry also allows every longer id that contains it, e.g. other versions. "
            + $"The Foundry doc says the model id \"must be an exact match\" {PublicSource.FoundryModelPolicies}; the definition is what Azure runs (https://github.com/Azure/azure-policy).",
        };
        if (publishers.Count == 0 && assetIds.Count == 0)
        {
            warnings.Add("Both lists are empty: every deployment of a registry model fires the policy (the rule of 12e5dd16, https://github.com/Azure/azure-policy).");
        }
        if (publishers.Count > 0)
        {
            warnings.Add("The model's publisher comes from the registry model, which AmlRbac cannot see: evaluations need the publisher given, else the publisher clause is Unknown.");
        }
        var parameters = new Dictionary<string, object?>
        {
            ["effect"] = settings.Effect,
            ["allowedPublishers"] = publishers.Cast<object?>().ToList(),
            ["allowedAssetIds"] = assetIds.Cast<object?>().ToList(),
        };
        return Draft(scope, ApprovedRegistryModelsDefinitionId, "approved-registry-models", "Model deployments only of approved registry models", parameters, settings, warnings);
    }

    /// <summary>
    /// The blog's custom "Allowed" list definition [SEED2]: mode Microsoft.MachineLearningServices.v2.Data, parameter
    /// <c>allowedModels</c>, rule <c>model.assetId notIn [parameters('allowedModels')]</c>. Saved at a management group or
    /// subscription [BASICS][SCOPE]. Carries <see cref="CustomDataModeWarning"/>.
    /// </summary>
    public CustomDefinitionDraft AllowListDefinition(Scope definitionScope, string name = "allowed-models")
    {
        AssignmentDrafting.CheckDefinitionScope(definitionScope);
        var json = JsonOutput.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("properties");
            w.WriteString("displayName", "Azure Machine Learning deployments should only use allowed models");
            w.WriteString("policyType", "Custom");
            w.WriteString("mode", PolicyModes.MachineLearningV2Data);
            w.WriteString("description", "Deny deploying any model whose asset id is not in the allowed list (after the Model Catalog curation blog's custom allow-list policy).");
            w.WriteStartObject("metadata");
            w.WriteString("category", "Machine Learning");
            w.WriteEndObject();
            w.WriteStartObject("parameters");
            w.WriteStartObject("allowedModels");
            w.WriteString("type", "Array");
            WriteMetadata(w, "Allowed model asset ids", "Full asset ids, e.g. azureml://registries/azureml/models/{name}/versions/{version}; the match is exact.");
            w.WriteEndObject();
            w.WriteStartObject("effect");
            w.WriteString("type", "String");
            w.WriteStartArray("allowedValues");
            w.WriteStringValue("Deny");
            w.WriteStringValue("Audit");
            w.WriteStringValue("Disabled");
            w.WriteEndArray();
            w.WriteString("defaultValue", "Deny");
            WriteMetadata(w, "Effect", "Deny blocks deployments of models outside the list.");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("policyRule");
            w.WriteStartObject("if");
            w.WriteStartArray("allOf");
            w.WriteStartObject();
            w.WriteString("field", "type");
            w.WriteString("equals", DeploymentType);
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("field", AssetIdAlias);
            w.WriteString("notIn", "[parameters('allowedModels')]");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("then");
            w.WriteString("effect", "[parameters('effect')]");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return new CustomDefinitionDraft
        {
            Name = name,
            DefinitionScope = definitionScope,
            DefinitionJson = json,
            Warnings = new[]
            {
                CustomDataModeWarning,
                "The list is matched exactly (notIn) against every deployment's asset id, workspace models included: anything not listed is denied.",
            },
        };
    }

    /// <summary>An assignment of <paramref name="definition"/> (from <see cref="AllowListDefinition"/>) allowing exactly <paramref name="allowedModels"/>.</summary>
    public PolicyAssignmentDraft AssignAllowList(Scope scope, CustomDefinitionDraft definition, IEnumerable<string> allowedModels, AssignmentSettings? settings = null)
    {
        settings ??= AssignmentSettings.Default;
        AssignmentDrafting.CheckAssignable(definition, scope);
        var allowed = Distinct(allowedModels.Select(m => Pinned(m, "allowedModels")));
        var warnings = new List<string>(definition.Warnings);
        if (allowed.Count == 0)
        {
            warnings.Add("The allowed list is empty: every model deployment is denied.");
        }
        var parameters = new Dictionary<string, object?>
        {
            ["allowedModels"] = allowed.Select(m => (object?)m.AssetId).ToList(),
            ["effect"] = settings.Effect,
        };
        return Draft(scope, definition.Id, "allowed-models", "Model deployments only of allowed models", parameters, settings, warnings,
            new[] { "Deny", "Audit", "Disabled" });
    }

    private PolicyAssignmentDraft Draft(Scope scope, string definitionId, string defaultName, string defaultDisplayName,
        Dictionary<string, object?> parameters, AssignmentSettings settings, List<string> warnings, IReadOnlyList<object?>? customEffects = null)
    {
        AssignmentDrafting.CheckEffect(settings.Effect, customEffects ?? builtInDefinition(definitionId)?.Parameters["effect"].AllowedValues ?? Array.Empty<object?>());
        return AssignmentDrafting.Draft(scope, definitionId, defaultName, defaultDisplayName, parameters, settings, warnings);
    }

    private static void WriteMetadata(Utf8JsonWriter writer, string displayName, string description)
    {
        writer.WriteStartObject("metadata");
        writer.WriteString("displayName", displayName);
        writer.WriteString("description", description);
        writer.WriteEndObject();
    }

    // The rules compare these entries with in/notIn, whole ids [RULE]: an entry naming a label would never equal the id
    // of a deployment that names a version, and what a deployment by label is compared as is not documented ([MLREG], [FOUNDRY] give versioned ids only).
    private static ModelAsset Pinned(string text, string parameter)
    {
        var asset = ModelAsset.Parse(text);
        return asset.Label is null
            ? asset
            : throw Invalid($"'{text}' names label '{asset.Label}': {parameter} entries are compared as whole asset ids {PublicSource.PolicyRule}, so give the version.");
    }

    // Conditions compare case-insensitively [RULE], so entries differing only in case are one entry.
    private static List<string> Distinct(IEnumerable<string> items) => items.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static List<ModelAsset> Distinct(IEnumerable<ModelAsset> items) => items.DistinctBy(m => m.AssetId, StringComparer.OrdinalIgnoreCase).ToList();

    private static AmlRbacException Invalid(string message) => AssignmentDrafting.Invalid(message);
}
