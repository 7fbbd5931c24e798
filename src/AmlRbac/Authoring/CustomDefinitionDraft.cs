using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>
/// An authored custom policy definition: the ARM body of <c>PUT {scope}/providers/Microsoft.Authorization/policyDefinitions/{name}</c>
/// [SPEC-PD], or with <see cref="IsInitiative"/> of <c>PUT {scope}/providers/Microsoft.Authorization/policySetDefinitions/{name}</c>
/// [SPEC-PSD]; saved at a management group or subscription, where it can be assigned at or below [BASICS][SCOPE].
/// </summary>
public sealed record CustomDefinitionDraft
{
    public required string Name { get; init; }
    public required Scope DefinitionScope { get; init; }

    /// <summary>An initiative (policy set definition) rather than a policy definition.</summary>
    public bool IsInitiative { get; init; }

    /// <summary><c>{scope}/providers/Microsoft.Authorization/policyDefinitions/{name}</c>, or <c>…/policySetDefinitions/{name}</c> for an initiative.</summary>
    public string Id => DefinitionScope.Value + (IsInitiative ? "/providers/Microsoft.Authorization/policySetDefinitions/" : "/providers/Microsoft.Authorization/policyDefinitions/") + Name;

    public required string DefinitionJson { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
