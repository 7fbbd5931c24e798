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
    /// <summary>An assignment that applies here but names a role definition the source does not hold.</summary>
    UnresolvedRole,
}
