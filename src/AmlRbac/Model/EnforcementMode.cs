namespace AmlRbac.Model;

/// <summary>
/// An assignment's <c>enforcementMode</c> [SPEC-PA]. DoNotEnforce: "The policy effect is not enforced during
/// resource creation or update"; it still evaluates, unlike the Disabled effect [ASSIGN]. Enroll: "not enforced
/// ... until the resource or scope of the resource is enrolled to the assignment instance".
/// </summary>
public enum EnforcementMode
{
    Default,
    DoNotEnforce,
    Enroll,
}
