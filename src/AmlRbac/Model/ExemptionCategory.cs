namespace AmlRbac.Model;

/// <summary>
/// Why an exemption exists [EXEMPT]: Waiver, "the non-compliance state of the resource is temporarily accepted";
/// Mitigated, "the policy intent is met through another method".
/// </summary>
public enum ExemptionCategory
{
    Waiver,
    Mitigated,
}
