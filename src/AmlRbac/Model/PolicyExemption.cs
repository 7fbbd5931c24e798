
namespace AmlRbac.Model;

/// <summary>
/// A policy exemption (<c>Microsoft.Authorization/policyExemptions</c>) [EXEMPT][SPEC-EX]. It is a child resource of
/// the exempted scope, so its scope is the part of its id before <c>/providers/Microsoft.Authorization/policyExemptions/</c>
/// [SCOPE]: "created on the resource hierarchy or individual resource as a child object, which determines the scope".
/// </summary>
public sealed record PolicyExemption
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public required Scope Scope { get; init; }
    public required string PolicyAssignmentId { get; init; }
    public required ExemptionCategory Category { get; init; }

    /// <summary>
    /// After this instant "the exemption is no longer honored" though the object is kept [EXEMPT]. Null: no expiry.
    /// </summary>
    public DateTimeOffset? ExpiresOn { get; init; }

    /// <summary>For an initiative assignment, the members exempted; empty means every member [EXEMPT].</summary>
    public IReadOnlyList<string> PolicyDefinitionReferenceIds { get; init; } = Array.Empty<string>();
}
