using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>One policy assignment's verdict on a model deployment as a <see cref="Reason"/> of the Policy layer.</summary>
public static class PolicyReason
{
    public static Reason From(AssignmentVerdict verdict) => new()
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

    public static ReasonKind KindOf(Verdict verdict) => verdict switch
    {
        Verdict.Deny => ReasonKind.PolicyDeny,
        Verdict.Audit => ReasonKind.PolicyAudit,
        Verdict.Compliant => ReasonKind.PolicyCompliant,
        Verdict.NotApplicable => ReasonKind.PolicyNotApplicable,
        Verdict.Exempt => ReasonKind.PolicyExempt,
        Verdict.DoNotEnforce => ReasonKind.PolicyDoNotEnforce,
        Verdict.OtherEffect => ReasonKind.PolicyOtherEffect,
        Verdict.Unknown => ReasonKind.PolicyUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "A policy verdict with no reason kind."),
    };
}
