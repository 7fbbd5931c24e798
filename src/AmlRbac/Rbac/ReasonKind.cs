namespace AmlRbac.Rbac;

/// <summary>Why an RBAC decision came out as it did; each <see cref="Reason"/> is one of these.</summary>
public enum ReasonKind
{
    /// <summary>An active assignment whose role grants the operation.</summary>
    Grant,
    /// <summary>An assignment that grants the operation under an ABAC condition.</summary>
    ConditionalGrant,
    /// <summary>A PIM eligible assignment that would grant the operation once activated.</summary>
    EligibleGrant,
    /// <summary>A role whose Actions cover the operation but whose NotActions remove it again.</summary>
    ExcludedByNotAction,
    /// <summary>A deny assignment that blocks the operation for this principal.</summary>
    BlockedByDeny,
    /// <summary>
    /// An assignment that applies here but names a role definition the source does not hold: what it grants is not
    /// known, so where it could change the answer the answer is Unknown.
    /// </summary>
    UnresolvedRole,
    /// <summary>
    /// An assignment of a group whose members the source does not hold (<see cref="Reason.ViaGroupId"/>; the holder
    /// or a group nested in it): the principal may be a member, so where it could change the answer it is Unknown.
    /// </summary>
    MembershipUnknown,
    /// <summary>
    /// An activity's operation that Azure checks somewhere other than the scope asked (the subscription for quota,
    /// the resource group for a studio deployment, a related resource): <see cref="Reason.CheckedAt"/> says where,
    /// <see cref="Reason.Scope"/> the scope it was decided at.
    /// </summary>
    CheckedElsewhere,
    /// <summary>
    /// An activity's operation that Azure checks on a related resource (a virtual network, a key vault...) the question
    /// does not name: the decision is Unknown, and <see cref="Reason.CheckedAt"/> names the kind of resource to give.
    /// </summary>
    RelatedResourceNotNamed,
}
