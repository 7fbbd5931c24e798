using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// A policy definition (<c>Microsoft.Authorization/policyDefinitions</c>) as ARM returns it [SPEC-PD]: its id and
/// name (a GUID for built-ins), display name, mode, version, parameters and the rule (<c>if</c>/<c>then</c>), kept
/// as JSON because the rule evaluator reads it as written.
/// </summary>
public sealed record PolicyDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? DisplayName { get; init; }

    /// <summary>
    /// "All", "Indexed" or a Resource Provider mode such as "Microsoft.MachineLearningServices.v2.Data". A missing
    /// mode is read as "Indexed": the REST default [SPEC-PD], and "A null mode is the same as using indexed" [BASICS].
    /// </summary>
    public required string Mode { get; init; }

    public string? Version { get; init; }

    /// <summary>BuiltIn, Custom, Static or NotSpecified [SPEC-PD]; null when the source does not say.</summary>
    public string? PolicyType { get; init; }

    /// <summary>Keyed case-insensitively, as <c>parameters('name')</c> looks them up.</summary>
    public IReadOnlyDictionary<string, PolicyParameterDefinition> Parameters { get; init; } =
        new Dictionary<string, PolicyParameterDefinition>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>policyRule</c> object: <c>{"if": {...}, "then": {"effect": ...}}</c>.</summary>
    public required JsonElement PolicyRule { get; init; }
}
