using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Output;

/// <summary>
/// Decisions in plain sentences, one per reason, for people: the CLI's table and the cmdlets'
/// Explanation property. The reasons stay data in <see cref="Decision"/>; this is the only place that
/// words them, so both hosts say the same thing.
/// </summary>
public static class DecisionText
{
    // A table row stays readable with a handful of suggestions; JSON and objects carry them all.
    private const int MaxSuggestionsNamed = 5;

    /// <summary>The decision's reasons as sentences, then the roles that would grant it when it is not allowed.</summary>
    public static IReadOnlyList<string> Explain(Decision decision)
    {
        var sentences = decision.Reasons.Select(r => Sentence(r, decision.IsDataAction)).ToList();
        // Saying where an activity's operation was checked is no evidence for or against it.
        if (decision.Reasons.All(r => r.Kind == ReasonKind.CheckedElsewhere) && decision.Outcome == Outcome.NotGranted)
        {
            sentences.Add(decision.RoleName is { } role && decision.PrincipalId is null
                ? $"Role '{role}' does not grant {decision.Action}."
                : $"No role assignment of the principal or its groups at {decision.Scope} or above grants {decision.Action}.");
        }
        if (SuggestionSentence(decision.Outcome, decision.WouldBeGrantedBy) is { } suggestion)
        {
            sentences.Add(suggestion);
        }
        return sentences;
    }

    /// <summary>
    /// An activity: which required operations are missing and why, or, when allowed, what granted them;
    /// then the built-in roles that would grant every missing operation.
    /// </summary>
    public static IReadOnlyList<string> Explain(ActivityDecision decision)
    {
        var total = decision.Operations.Count;
        var missing = decision.Missing.ToList();
        var sentences = new List<string>();
        if (missing.Count == 0)
        {
            sentences.Add(total == 1 ? "Its one required operation is allowed." : $"All {total} required operations are allowed.");
            // Operations granted by the same assignment read the same but for the pattern: say each assignment once.
            sentences.AddRange(decision.Operations
                .Select(d => d.DecidingReason)
                .OfType<Reason>()
                .Select(r => Sentence(r with { Pattern = null }, isDataAction: false))
                .Distinct());
        }
        else
        {
            sentences.Add($"{missing.Count} of {total} required operations {(missing.Count == 1 ? "is" : "are")} not allowed: " +
                string.Join(", ", missing.Select(d => $"{d.Action} ({d.Outcome})")) + ".");
            foreach (var operation in missing)
            {
                sentences.AddRange(Explain(operation with { WouldBeGrantedBy = Array.Empty<RoleSuggestion>() })
                    .Select(s => $"{operation.Action}: {s}"));
            }
        }
        if (SuggestionSentence(decision.Outcome, PermissionAnswer.ForActivity(decision).WouldBeGrantedBy) is { } suggestion)
        {
            sentences.Add(suggestion);
        }
        return sentences;
    }

    /// <summary>
    /// An answer: its operation or activity explained. A model deployment first says what each layer answered
    /// and which one decided, then the RBAC sentences, one per policy assignment, and the assumptions the policy
    /// verdict rests on, each prefixed with its layer.
    /// </summary>
    public static IReadOnlyList<string> Explain(PermissionAnswer answer)
    {
        if (answer.Operation is { } operation)
        {
            return Explain(operation);
        }
        var activity = Explain(answer.Activity!);
        if (answer.Deployment is not { } deployment)
        {
            return activity;
        }
        var sentences = new List<string>
        {
            $"Deploying {deployment.Model}: RBAC {deployment.RbacOutcome}, Azure Policy {deployment.Policy.Outcome}; " +
            (deployment.DecidedBy == DecisionLayer.Policy ? "Azure Policy decides." : "RBAC decides."),
        };
        sentences.AddRange(activity.Select(s => "RBAC: " + s));
        sentences.AddRange(deployment.PolicyReasons.Count == 0
            ? new[] { "Policy: no policy assignment of the source covers the workspace (policy assignments come from a snapshot's policyAssignments section, from live ARM, or from Get-AzPolicyAssignment output piped in beside the role objects)." }
            : Explain(deployment.PolicyReasons));
        return sentences;
    }

    /// <summary>The Azure Policy layer of a model deployment: one sentence per assignment, then each assumption the verdicts rest on, once.</summary>
    public static IReadOnlyList<string> Explain(IReadOnlyList<PolicyReason> reasons) =>
        reasons.Select(r => "Policy: " + Sentence(r))
            .Concat(reasons.SelectMany(r => r.Notes).Distinct().Select(n => "Policy note: " + n))
            .ToList();

    /// <summary>One RBAC reason as a sentence: what it did, which role or deny, where, through which group, by which pattern.</summary>
    public static string Sentence(Reason reason, bool isDataAction)
    {
        var role = $"role '{reason.RoleName ?? reason.RoleDefinitionId}'";
        var where = $"{At(reason.Scope)}{Through(reason)}";
        return reason.Kind switch
        {
            ReasonKind.Grant => $"Granted by {role}{where}{PatternNote(reason.Pattern)}.",
            ReasonKind.ConditionalGrant =>
                $"Granted by {role}{where}{PatternNote(reason.Pattern)} only when its condition holds, which needs the request to decide" +
                (reason.Condition is null ? "." : $": {reason.Condition}"),
            ReasonKind.EligibleGrant =>
                $"Would be granted by {role}{where}{PatternNote(reason.Pattern)} once the PIM eligible assignment is activated.",
            ReasonKind.ExcludedByNotAction =>
                $"Removed by {(isDataAction ? "NotDataActions" : "NotActions")} '{reason.Pattern}' of {role}{where}.",
            ReasonKind.BlockedByDeny =>
                $"Blocked by deny assignment '{reason.DenyAssignmentName ?? reason.DenyAssignmentId}'{At(reason.Scope)}{PatternNote(reason.Pattern)}.",
            ReasonKind.UnresolvedRole =>
                $"Role assignment '{reason.AssignmentId}'{where} names role definition '{reason.RoleDefinitionId}', which the source does not hold, so what it grants is unknown: " +
                "give the role definition (pipe Get-AzRoleDefinition output beside the assignments, or export the snapshot again).",
            ReasonKind.MembershipUnknown =>
                $"Role assignment '{reason.AssignmentId}' of {role}{At(reason.Scope)}{PatternNote(reason.Pattern)} is held through group '{reason.ViaGroupName ?? reason.ViaGroupId}', " +
                "whose members the source does not hold, so the principal may be one: give the group's members (a snapshot from Export-AmlRbacSnapshot or amlrbac export, or -Live / --live, reads them from Microsoft Graph).",
            ReasonKind.CheckedElsewhere =>
                $"Checked at {LocationText(reason)} {reason.Scope}: Azure checks this operation there, not at the scope asked.",
            ReasonKind.RelatedResourceNotNamed =>
                $"Checked on {LocationText(reason)}, which the question does not name, so it cannot be decided: name the {LocationOf(reason)?.Resource?.DisplayName ?? reason.CheckedAt} with --related-resource/-RelatedResource (its resource id).",
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Kind, "A reason kind DecisionText does not word."),
        };
    }

    private static CheckLocation? LocationOf(Reason reason) => reason.CheckedAt is { } name ? CheckLocation.Parse(name) : null;

    private static string LocationText(Reason reason) => LocationOf(reason)?.Text ?? reason.CheckedAt ?? "another scope";

    // Denied needs no suggestion: a deny assignment blocks whatever role is assigned.
    private static string? SuggestionSentence(Outcome outcome, IReadOnlyList<RoleSuggestion> suggestions)
    {
        if (outcome is Outcome.Allowed or Outcome.Denied || suggestions.Count == 0)
        {
            return null;
        }
        var named = string.Join(", ", suggestions.Take(MaxSuggestionsNamed).Select(s => s.RoleName));
        var more = suggestions.Count > MaxSuggestionsNamed ? $" and {suggestions.Count - MaxSuggestionsNamed} more" : string.Empty;
        return $"Would be granted by: {named}{more} (narrowest first).";
    }

    /// <summary>
    /// One policy reason as a sentence. The verdict's own explanation says what happened (fired with Deny, notScope,
    /// DoNotEnforce ...); the clause says where. An Unknown verdict's explanation already names its clause, the
    /// clause's JSON and why, so it is not repeated.
    /// </summary>
    public static string Sentence(PolicyReason reason)
    {
        var member = reason.PolicyDefinitionReferenceId is null ? string.Empty : $" (member '{reason.PolicyDefinitionReferenceId}')";
        var clause = reason.RuleClause is null || reason.Kind == PolicyReasonKind.PolicyUnknown
            ? string.Empty
            : $" Clause {reason.RuleClause}: {reason.RuleDetail?.TrimEnd('.')}.";
        return $"{PolicyVerdictWord(reason.Kind)} by assignment '{reason.PolicyAssignmentName ?? reason.PolicyAssignmentId}'{At(reason.Scope)}{member}: {reason.Explanation}{clause}";
    }

    private static string PolicyVerdictWord(PolicyReasonKind kind) => kind switch
    {
        PolicyReasonKind.PolicyDeny => "Denied",
        PolicyReasonKind.PolicyAudit => "Audited (not blocked)",
        PolicyReasonKind.PolicyCompliant => "Allowed",
        PolicyReasonKind.PolicyNotApplicable => "Not evaluated",
        PolicyReasonKind.PolicyExempt => "Exempted",
        PolicyReasonKind.PolicyDoNotEnforce => "Reported but not enforced",
        PolicyReasonKind.PolicyOtherEffect => "Another effect applied",
        _ => "Undecided",
    };

    private static string At(string? scope) => scope is null ? string.Empty : $" at {scope}";

    private static string Through(Reason reason) =>
        reason.ViaGroupId is null && reason.ViaGroupName is null ? string.Empty : $" through group '{reason.ViaGroupName ?? reason.ViaGroupId}'";

    private static string PatternNote(string? pattern) => pattern is null ? string.Empty : $" (pattern {pattern})";
}
