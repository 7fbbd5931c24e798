namespace AmlRbac.Model;

/// <summary>
/// One permission block of a role definition (ARM <c>properties.permissions[i]</c>, Az's PSPermission).
/// NotActions subtract only from the Actions of this same block; NotDataActions likewise from DataActions.
/// A block may carry a condition (seen on built-in roles such as Azure AI Account Owner; [CO], [CF],
/// [AZPS-PERMISSIONS]).
/// </summary>
public sealed record Permission
{
    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> DataActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotDataActions { get; init; } = Array.Empty<string>();
    public string? Condition { get; init; }
    public string? ConditionVersion { get; init; }
}
