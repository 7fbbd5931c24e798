using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>One answer of a who-can question: a principal (a group, or a member reached through one) and its decision.</summary>
public sealed record AccessHolder
{
    public required string PrincipalId { get; init; }
    public PrincipalType PrincipalType { get; init; }
    public string? DisplayName { get; init; }
    public required Decision Decision { get; init; }
}
