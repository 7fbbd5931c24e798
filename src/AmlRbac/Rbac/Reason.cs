using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Rbac;

/// <summary>
/// One piece of evidence behind a decision, as data (a formatter turns it into a sentence).
/// Fields that do not apply to the <see cref="Kind"/> are null.
/// </summary>
public sealed record Reason
{
    public required ReasonKind Kind { get; init; }
    /// <summary>The role assignment (or eligible assignment) id.</summary>
    public string? AssignmentId { get; init; }
    public string? RoleDefinitionId { get; init; }
    public string? RoleName { get; init; }
    /// <summary>The scope of the assignment or deny assignment.</summary>
    public string? Scope { get; init; }
    /// <summary>The Actions/DataActions entry that matched, or the NotActions entry that removed the operation, or the deny's entry.</summary>
    public string? Pattern { get; init; }
    /// <summary>The group the principal holds the assignment through (null when assigned directly).</summary>
    public string? ViaGroupId { get; init; }
    public string? ViaGroupName { get; init; }
    /// <summary>The ABAC condition that makes a grant conditional.</summary>
    public string? Condition { get; init; }
    public string? DenyAssignmentId { get; init; }
    public string? DenyAssignmentName { get; init; }

    /// <summary>Rbac for role and deny assignments; Policy for the Policy* kinds.</summary>
    public DecisionLayer Layer => Kind >= ReasonKind.PolicyDeny ? DecisionLayer.Policy : DecisionLayer.Rbac;

    // Policy reasons: the assignment, what it assigns, the effect and the rule clause that decided.

    public string? PolicyAssignmentId { get; init; }
    /// <summary>The assignment's display name, else its name.</summary>
    public string? PolicyAssignmentName { get; init; }
    /// <summary>The policy definition evaluated (for an initiative, the member's definition).</summary>
    public string? PolicyDefinitionId { get; init; }
    /// <summary>For an initiative assignment, the member's policyDefinitionReferenceId.</summary>
    public string? PolicyDefinitionReferenceId { get; init; }
    /// <summary>The effect after parameters are resolved (Deny, Audit, Disabled ...).</summary>
    public string? Effect { get; init; }
    /// <summary>Where in the policy rule the deciding clause is ("if.allOf[1].anyOf[0]").</summary>
    public string? RuleClause { get; init; }
    /// <summary>What that clause evaluated to on this deployment, or why it could not be evaluated.</summary>
    public string? RuleDetail { get; init; }
    /// <summary>The verdict in words (the policy evaluator's explanation).</summary>
    public string? Explanation { get; init; }
    /// <summary>The exemption honoured, or set aside as the documented rule says.</summary>
    public string? ExemptionId { get; init; }
    public string? ExemptionName { get; init; }
    /// <summary>Assumptions the policy verdict rests on (how the asset id maps to the request's fields, exemptions set aside ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}
