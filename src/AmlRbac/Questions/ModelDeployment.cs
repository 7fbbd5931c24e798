using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Questions;

/// <summary>
/// The Azure Policy side of one model deployment answer, beside the RBAC activity decision it is combined with:
/// the model, the policy report, its verdicts as reasons, and which layer settled the combined outcome.
/// </summary>
public sealed record ModelDeployment
{
    public required ModelAsset Model { get; init; }
    public required DeploymentPolicyReport Policy { get; init; }

    /// <summary>The RBAC outcome of the deployment activity alone.</summary>
    public required Outcome RbacOutcome { get; init; }

    /// <summary>One reason per policy verdict (every assignment that covers the workspace), in snapshot order.</summary>
    public required IReadOnlyList<PolicyReason> PolicyReasons { get; init; }

    /// <summary>Policy when the policy verdict changed the RBAC answer (a deny, or an Unknown that could be a deny); else Rbac.</summary>
    public required DecisionLayer DecidedBy { get; init; }

    /// <summary>The policy reason that settled the answer when <see cref="DecidedBy"/> is Policy: the first deny, else the first Unknown.</summary>
    public PolicyReason? DecidingPolicyReason => DecidedBy == DecisionLayer.Policy
        ? PolicyReasons.FirstOrDefault(r => r.Kind == PolicyReasonKind.PolicyDeny) ?? PolicyReasons.FirstOrDefault(r => r.Kind == PolicyReasonKind.PolicyUnknown)
        : null;
}
