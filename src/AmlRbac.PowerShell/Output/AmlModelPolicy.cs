using System.Collections;
using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// An authored model guardrail (New-AmlModelPolicy) or posture initiative (New-AmlPosturePolicy) as PowerShell shows it: what New-AzPolicyAssignment takes (Name, Scope,
/// PolicyDefinitionId, NotScope, EnforcementMode, and the parameters as PolicyParameterObject or the JSON
/// PolicyParameter), the ARM body (AssignmentJson) for az rest or a template, and for the custom allow-list and the
/// posture initiative the definition to create first. Warnings say what the author should know before assigning. Lists are
/// <see cref="ReadableList{T}"/> and the parameters a <see cref="ParameterTable"/>, so Export-Csv writes their values.
/// </summary>
public sealed class AmlModelPolicy
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public required string Scope { get; init; }
    public required string PolicyDefinitionId { get; init; }
    public string? DisplayName { get; init; }
    public ReadableList<string> NotScope { get; init; } = new();
    public required string EnforcementMode { get; init; }
    /// <summary>Parameter name to value: New-AzPolicyAssignment -PolicyParameterObject.</summary>
    public required Hashtable PolicyParameterObject { get; init; }
    /// <summary>{"name": {"value": ...}}: New-AzPolicyAssignment -PolicyParameter, az policy assignment create --params.</summary>
    public required string PolicyParameter { get; init; }
    /// <summary>The body of PUT {scope}/providers/Microsoft.Authorization/policyAssignments/{name}.</summary>
    public required string AssignmentJson { get; init; }
    /// <summary>The custom allow-list definition's or the posture initiative's id, when the assignment needs it created first.</summary>
    public string? DefinitionId { get; init; }
    /// <summary>The body of PUT {definition id} for the custom allow-list definition or the posture initiative.</summary>
    public string? DefinitionJson { get; init; }
    public ReadableList<string> Warnings { get; init; } = new();

    public static AmlModelPolicy From(AuthoredPolicy policy)
    {
        var assignment = policy.Assignment;
        var parameters = new ParameterTable();
        foreach (var (name, value) in assignment.ParameterValues)
        {
            // A hashtable value PowerShell binds to an Array parameter: an array, not a .NET list.
            parameters[name] = value is IEnumerable<object?> list ? list.ToArray() : value;
        }
        return new AmlModelPolicy
        {
            Name = assignment.Name,
            Id = assignment.Id,
            Scope = assignment.Scope.Value,
            PolicyDefinitionId = assignment.PolicyDefinitionId,
            DisplayName = policy.DisplayName,
            NotScope = ReadableList.Of(policy.NotScopes),
            EnforcementMode = policy.EnforcementMode.ToString(),
            PolicyParameterObject = parameters,
            PolicyParameter = assignment.ParametersJson,
            AssignmentJson = assignment.AssignmentJson,
            DefinitionId = policy.Definition?.Id,
            DefinitionJson = policy.Definition?.DefinitionJson,
            Warnings = ReadableList.Of(policy.Warnings),
        };
    }

    /// <summary>"restrict-model-registry at /subscriptions/...": the assignment and where it goes.</summary>
    public override string ToString() => $"{Name} at {Scope}";
}
