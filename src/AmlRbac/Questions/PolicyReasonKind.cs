namespace AmlRbac.Questions;

/// <summary>
/// The Azure Policy layer of a model deployment answer: one <see cref="PolicyReason"/> per assignment (or initiative
/// member) that applies to the workspace, named after its verdict (Policy.Verdict).
/// </summary>
public enum PolicyReasonKind
{
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
