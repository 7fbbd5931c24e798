namespace AmlRbac.Model;

/// <summary>
/// A role assignment: principal + role definition + scope, optionally with an ABAC condition.
/// An eligible PIM assignment (roleEligibilityScheduleInstances) is a role assignment with
/// <see cref="IsEligible"/> set: it grants nothing until the principal activates it.
/// </summary>
public sealed record RoleAssignment
{
    public required string Id { get; init; }
    /// <summary>The role's GUID (normalized; any ".../roleDefinitions/{guid}" prefix removed).</summary>
    public required string RoleDefinitionId { get; init; }
    public required string PrincipalId { get; init; }
    public PrincipalType PrincipalType { get; init; } = PrincipalType.Unknown;
    public required string Scope { get; init; }
    public string? Condition { get; init; }
    public string? ConditionVersion { get; init; }
    public bool IsEligible { get; init; }
}
