using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>
/// An authored custom policy definition: the ARM body of <c>PUT {scope}/providers/Microsoft.Authorization/policyDefinitions/{name}</c>
/// [SPEC-PD], saved at a management group or subscription, where it can be assigned at or below [BASICS][SCOPE].
/// </summary>
public sealed record CustomDefinitionDraft
{
    public required string Name { get; init; }
    public required Scope DefinitionScope { get; init; }

    /// <summary><c>{scope}/providers/Microsoft.Authorization/policyDefinitions/{name}</c>.</summary>
    public string Id => DefinitionScope.Value + "/providers/Microsoft.Authorization/policyDefinitions/" + Name;

    public required string DefinitionJson { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
