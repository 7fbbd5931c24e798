namespace AmlRbac.Rbac;

/// <summary>Why a decision came out as it did; each <see cref="Reason"/> is one of these.</summary>
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

    // The Azure Policy layer of a model deployment: one reason per assignment (or initiative member) that applies
    // to the workspace, named after its verdict (Policy/Verdict). Their Layer is Policy; every kind above is Rbac.

    /// <summary>An enforced assignment whose rule fires with effect Deny: the deployment is blocked.</summary>
    PolicyDeny,
    /// <summary>An assignment whose rule fires with effect Audit: the deployment proceeds, reported non-compliant.</summary>
    PolicyAudit,
    /// <summary>An assignment that evaluates the deployment and whose rule does not fire.</summary>
    PolicyCompliant,
    /// <summary>An assignment that does not evaluate this deployment (a notScope, its mode, or effect Disabled).</summary>
    PolicyNotApplicable,
    /// <summary>An assignment whose rule fires but an honoured exemption covers the deployment.</summary>
    PolicyExempt,
    /// <summary>An assignment whose rule fires but whose enforcementMode is DoNotEnforce: reported, not denying.</summary>
    PolicyDoNotEnforce,
    /// <summary>An assignment whose rule fires with another effect (Modify, DeployIfNotExists ...).</summary>
    PolicyOtherEffect,
    /// <summary>An assignment AmlRbac cannot evaluate for this deployment; the clause says what could not be evaluated.</summary>
    PolicyUnknown,
}
