using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One policy assignment's verdict on a model deployment as PowerShell shows it: the properties of the engine's
/// <see cref="PolicyReason"/> with the same names, kinds as their names, and the verdict in a sentence as its
/// ToString, worded by <see cref="DecisionText"/> as the CLI words it.
/// </summary>
public sealed class AmlPolicyReason
{
    private readonly string _sentence;

    private AmlPolicyReason(string sentence) => _sentence = sentence;

    /// <summary>PolicyDeny, PolicyAudit, PolicyCompliant, PolicyNotApplicable, PolicyExempt, PolicyDoNotEnforce, PolicyOtherEffect or PolicyUnknown.</summary>
    public required string Kind { get; init; }
    public string? Scope { get; init; }
    /// <summary>Always Policy: the layer this evidence comes from.</summary>
    public required string Layer { get; init; }
    public string? PolicyAssignmentId { get; init; }
    public string? PolicyAssignmentName { get; init; }
    public string? PolicyDefinitionId { get; init; }
    public string? PolicyDefinitionReferenceId { get; init; }
    public string? Effect { get; init; }
    public string? RuleClause { get; init; }
    public string? RuleDetail { get; init; }
    public string? Explanation { get; init; }
    public string? ExemptionId { get; init; }
    public string? ExemptionName { get; init; }
    public ReadableList<string> Notes { get; init; } = new();

    public static AmlPolicyReason From(PolicyReason reason) => new(DecisionText.Sentence(reason))
    {
        Kind = reason.Kind.ToString(),
        Scope = reason.Scope,
        Layer = reason.Layer.ToString(),
        PolicyAssignmentId = reason.PolicyAssignmentId,
        PolicyAssignmentName = reason.PolicyAssignmentName,
        PolicyDefinitionId = reason.PolicyDefinitionId,
        PolicyDefinitionReferenceId = reason.PolicyDefinitionReferenceId,
        Effect = reason.Effect,
        RuleClause = reason.RuleClause,
        RuleDetail = reason.RuleDetail,
        Explanation = reason.Explanation,
        ExemptionId = reason.ExemptionId,
        ExemptionName = reason.ExemptionName,
        Notes = ReadableList.Of(reason.Notes),
    };

    public override string ToString() => _sentence;
}
