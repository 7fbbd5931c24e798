using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// The answer to one question, with its evidence: the assignments that granted the operation, the
/// NotActions that removed it, the deny assignment that blocked it and, when not allowed, the built-in
/// roles that would grant it at that scope (narrowest first).
/// </summary>
public sealed record Decision
{
    public required Outcome Outcome { get; init; }
    /// <summary>The principal asked about; null for a role-alone question.</summary>
    public string? PrincipalId { get; init; }
    /// <summary>The role asked about in a role-alone question.</summary>
    public string? RoleName { get; init; }
    public required string Action { get; init; }
    /// <summary>The scope at which the question was decided; null for a role-alone question.</summary>
    public string? Scope { get; init; }
    public bool IsDataAction { get; init; }
    public IReadOnlyList<Reason> Reasons { get; init; } = Array.Empty<Reason>();
    public IReadOnlyList<RoleSuggestion> WouldBeGrantedBy { get; init; } = Array.Empty<RoleSuggestion>();

    public bool IsAllowed => Outcome == Outcome.Allowed;

    /// <summary>
    /// The reason that settled the outcome: the blocking deny for Denied, the granting assignment of
    /// the matching kind for Allowed / Conditional / Eligible, the assignment the source cannot judge for Unknown, the NotAction that removed the
    /// operation (if any) for NotGranted. Tables show its role, scope and group.
    /// </summary>
    public Reason? DecidingReason => Outcome switch
    {
        Outcome.Denied => Reasons.FirstOrDefault(r => r.Kind == ReasonKind.BlockedByDeny),
        Outcome.Allowed => Reasons.FirstOrDefault(r => r.Kind == ReasonKind.Grant),
        Outcome.Conditional => Reasons.FirstOrDefault(r => r.Kind == ReasonKind.ConditionalGrant),
        Outcome.Eligible => Reasons.FirstOrDefault(r => r.Kind == ReasonKind.EligibleGrant),
        Outcome.Unknown => Reasons.FirstOrDefault(r => r.Kind is ReasonKind.UnresolvedRole or ReasonKind.MembershipUnknown or ReasonKind.RelatedResourceNotNamed),
        _ => Reasons.FirstOrDefault(r => r.Kind == ReasonKind.ExcludedByNotAction),
    };
}
