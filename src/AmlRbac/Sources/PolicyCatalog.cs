using System.Reflection;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// The built-in policy definitions AmlRbac ships (Sources/PolicyData/*.json): every definition in Azure/azure-policy's
/// "Machine Learning" folder plus the Cognitive Services and test siblings about model deployments, byte-identical
/// to commit f4a50bacae07ddb096943c597669bcae494a6e29 [POL] (https://github.com/Azure/azure-policy, under
/// built-in-policies/policyDefinitions/). Assignments name built-ins by id
/// (<c>/providers/Microsoft.Authorization/policyDefinitions/{guid}</c>), so a snapshot need not carry them; the
/// rules are given <see cref="Find"/> (Policy's PolicyOptions.BuiltInDefinitions), as is authoring.
/// </summary>
public sealed class PolicyCatalog
{
    private const string ResourcePrefix = "AmlRbac.Sources.PolicyData.";
    private static readonly Lazy<PolicyCatalog> Embedded = new(Load);

    private readonly Dictionary<string, PolicyDefinition> _byIdOrName;

    private PolicyCatalog(IReadOnlyList<PolicyDefinition> definitions)
    {
        Definitions = definitions;
        _byIdOrName = new Dictionary<string, PolicyDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            _byIdOrName[definition.Id] = definition;
            _byIdOrName[definition.Name] = definition;
        }
    }

    /// <summary>The embedded built-ins.</summary>
    public static PolicyCatalog Default => Embedded.Value;

    public IReadOnlyList<PolicyDefinition> Definitions { get; }

    /// <summary>
    /// The built-in with this id or name (GUID), or null. A custom id that merely ends in a built-in's GUID does
    /// not match: built-ins live at the tenant level, under <c>/providers/Microsoft.Authorization/policyDefinitions/</c> [SPEC-PD].
    /// </summary>
    public PolicyDefinition? Find(string idOrName) => _byIdOrName.GetValueOrDefault(idOrName.Trim());

    private static PolicyCatalog Load()
    {
        var assembly = typeof(PolicyCatalog).Assembly;
        var definitions = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(assembly, name))
            .ToList();
        return new PolicyCatalog(definitions);
    }

    private static PolicyDefinition Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new AmlRbacException(ErrorIds.PolicyInvalid, FailureCategory.InvalidData, $"Embedded policy definition '{resourceName}' is missing.");
        using var document = JsonDocument.Parse(stream);
        return PolicySnapshotReader.ReadDefinition(new PolicyJsonNode(document.RootElement, "$", resourceName));
    }
}
