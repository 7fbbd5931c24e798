using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Authoring;

/// <summary>
/// An authored policy assignment, in the forms the Azure tools take:
/// <list type="bullet">
/// <item><see cref="AssignmentJson"/>: the ARM body of <c>PUT {scope}/providers/Microsoft.Authorization/policyAssignments/{name}</c>
/// [SPEC-PA], <c>{"properties": {...}}</c> as in [ASSIGN].</item>
/// <item><see cref="ParametersJson"/>: <c>{"name": {"value": ...}}</c>, the same object as the body's
/// <c>properties.parameters</c>. It is what <c>az policy assignment create --params</c> takes, as a string or a file
/// ("JSON formatted string or a path to a file", https://learn.microsoft.com/cli/azure/policy/assignment), and the
/// file of <c>New-AzPolicyAssignment -PolicyParameter</c> (parameter set ParameterString; the cmdlet's example file
/// AllowedLocations.json is <c>{"listOfAllowedLocations": {"value": [...]}}</c>,
/// https://learn.microsoft.com/powershell/module/az.resources/new-azpolicyassignment).</item>
/// <item><see cref="ParameterValues"/>: name to plain value, the hashtable of <c>New-AzPolicyAssignment
/// -PolicyParameterObject</c> (parameter set ParameterObject, same page).</item>
/// </list>
/// </summary>
public sealed record PolicyAssignmentDraft
{
    public required string Name { get; init; }
    public required Scope Scope { get; init; }

    /// <summary><c>{scope}/providers/Microsoft.Authorization/policyAssignments/{name}</c>.</summary>
    public string Id => (Scope.Value == "/" ? "" : Scope.Value) + "/providers/Microsoft.Authorization/policyAssignments/" + Name;

    public required string PolicyDefinitionId { get; init; }
    public required string AssignmentJson { get; init; }
    public required string ParametersJson { get; init; }
    public required IReadOnlyDictionary<string, object?> ParameterValues { get; init; }

    /// <summary>What the author should know before assigning: consequences of the values and source conflicts.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
