namespace AmlRbac.Model;

/// <summary>What is known of a principal beyond its object id, so outputs can show names beside ids.</summary>
public sealed record Principal
{
    public required string Id { get; init; }
    public PrincipalType Type { get; init; } = PrincipalType.Unknown;
    public string? DisplayName { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? AppId { get; init; }
}
