namespace AmlRbac.Model;

/// <summary>
/// One member of an initiative's <c>policyDefinitions[]</c> [SPEC-PSD]: the definition it references, its
/// reference id (what exemptions name in <c>policyDefinitionReferenceIds</c> [EXEMPT]) and the values it passes,
/// which may be expressions over the initiative's own parameters, e.g. "[parameters('initParam')]" [INIT].
/// </summary>
public sealed record PolicySetMember
{
    public required string PolicyDefinitionId { get; init; }
    public required string PolicyDefinitionReferenceId { get; init; }

    /// <summary>Parameter name to value as written (the <c>value</c> of each <c>{"value": ...}</c>).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } =
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
}
