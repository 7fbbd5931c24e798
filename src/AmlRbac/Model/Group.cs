namespace AmlRbac.Model;

/// <summary>A Microsoft Entra group and its direct members (which may be groups; cycles are possible).</summary>
public sealed record Group
{
    public required string Id { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> Members { get; init; } = Array.Empty<string>();
}
