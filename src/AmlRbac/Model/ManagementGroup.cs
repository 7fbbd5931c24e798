namespace AmlRbac.Model;

/// <summary>
/// A management group: its name (the last segment of /providers/Microsoft.Management/managementGroups/{id}),
/// its parent (null for the tenant root group) and the subscriptions directly under it.
/// </summary>
public sealed record ManagementGroup
{
    public required string Id { get; init; }
    public string? Parent { get; init; }
    public IReadOnlyList<string> Subscriptions { get; init; } = Array.Empty<string>();
}
