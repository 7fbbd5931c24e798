using AmlRbac.Policy;

namespace AmlRbac.Questions;

/// <summary>
/// One policy assignment's verdict on a model deployment, as the evidence of the Policy layer of the combined
/// RBAC and Azure Policy answer: the assignment, what it assigns, the effect and the rule clause that decided.
/// </summary>
public sealed record PolicyReason
{
    public required PolicyReasonKind Kind { get; init; }
    /// <summary>The scope of the policy assignment.</summary>
    public string? Scope { get; init; }

    /// <summary>Always Policy: beside the RBAC reasons of the same answer, the layer this evidence comes from.</summary>
    public DecisionLayer Layer => DecisionLayer.Policy;

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

    public static PolicyReason From(AssignmentVerdict verdict) => new()
    {
        Kind = KindOf(verdict.Verdict),
        PolicyAssignmentId = verdict.Assignment.Id,
        PolicyAssignmentName = verdict.Assignment.DisplayName ?? verdict.Assignment.Name,
        Scope = verdict.Assignment.Scope.Value,
        PolicyDefinitionId = verdict.Definition?.Id ?? (verdict.Assignment.IsSetAssignment ? null : verdict.Assignment.PolicyDefinitionId),
        PolicyDefinitionReferenceId = verdict.PolicyDefinitionReferenceId,
        Effect = verdict.Effect,
        RuleClause = verdict.Clause?.Path,
        RuleDetail = verdict.Clause?.Detail,
        Explanation = verdict.Explanation,
        ExemptionId = verdict.Exemption?.Id,
        ExemptionName = verdict.Exemption?.Name,
        Notes = verdict.Notes,
    };

    public static PolicyReasonKind KindOf(Verdict verdict) => verdict switch
    {
        Verdict.Deny => PolicyReasonKind.PolicyDeny,
        Verdict.Audit => PolicyReasonKind.PolicyAudit,
        Verdict.Compliant => PolicyReasonKind.PolicyCompliant,
        Verdict.NotApplicable => PolicyReasonKind.PolicyNotApplicable,
        Verdict.Exempt => PolicyReasonKind.PolicyExempt,
        Verdict.DoNotEnforce => PolicyReasonKind.PolicyDoNotEnforce,
        Verdict.OtherEffect => PolicyReasonKind.PolicyOtherEffect,
        Verdict.Unknown => PolicyReasonKind.PolicyUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "A policy verdict with no reason kind."),
    };
}
