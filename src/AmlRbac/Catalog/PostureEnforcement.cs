using System.Text.Json;

namespace AmlRbac.Catalog;

/// <summary>
/// A built-in policy definition AmlRbac assigns to enforce the posture rules that name it (Catalog/Data/posture-enforcement.json):
/// the definition's name (GUID) and the parameter values an assignment gives besides the effect, with why.
/// </summary>
public sealed record PostureEnforcement
{
    /// <summary>The built-in's name, the GUID of <c>/providers/Microsoft.Authorization/policyDefinitions/{name}</c>.</summary>
    public required string Definition { get; init; }

    /// <summary>Parameter values besides the effect (plain JSON values); empty when the defaults do.</summary>
    public IReadOnlyDictionary<string, JsonElement> Parameters { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Why the <see cref="Parameters"/> are given; null when there are none.</summary>
    public string? Why { get; init; }

    /// <summary>The definition's id, where built-ins live: <c>/providers/Microsoft.Authorization/policyDefinitions/{name}</c>.</summary>
    public string DefinitionId => "/providers/Microsoft.Authorization/policyDefinitions/" + Definition;
}
