namespace AmlRbac.Policy;

/// <summary>What one assignment (or one member of an initiative assignment) does to a model deployment.</summary>
public enum Verdict
{
    /// <summary>The rule fires with effect Deny on an enforced assignment: the deployment is blocked [DENY].</summary>
    Deny,

    /// <summary>The rule fires with effect Audit: the deployment proceeds and is reported non-compliant [EFFECTS].</summary>
    Audit,

    /// <summary>The assignment evaluates the deployment and its rule does not fire.</summary>
    Compliant,

    /// <summary>
    /// The assignment does not evaluate this deployment: excluded by a notScope [SCOPE], a mode that does not cover model
    /// deployments [BASICS], or effect Disabled, which "prevents resource evaluation from happening at all" [ASSIGN].
    /// </summary>
    NotApplicable,

    /// <summary>An unexpired exemption covers the deployment and is honoured (see <see cref="ExemptionHandling"/>).</summary>
    Exempt,

    /// <summary>The rule fires but the assignment's enforcementMode is DoNotEnforce: "The policy effect is not enforced" [SPEC-PA].</summary>
    DoNotEnforce,

    /// <summary>The rule fires with an effect other than Deny, Audit or Disabled (Modify, DeployIfNotExists ...); reported as such.</summary>
    OtherEffect,

    /// <summary>AmlRbac cannot tell: the explanation and the clause say what could not be evaluated.</summary>
    Unknown,
}
