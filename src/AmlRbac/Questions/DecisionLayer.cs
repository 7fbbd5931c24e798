namespace AmlRbac.Questions;

/// <summary>
/// Which control a reason comes from. For a model deployment both decide: RBAC says who may deploy, Azure Policy
/// what may be deployed ([SEED2]: "By combining Azure RBAC and Azure Policy definitions ...").
/// </summary>
public enum DecisionLayer
{
    /// <summary>Role assignments, deny assignments and PIM eligibility.</summary>
    Rbac,
    /// <summary>Azure Policy assignments and exemptions.</summary>
    Policy,
}
