namespace AmlRbac.Model;

/// <summary>
/// A deny assignment ([DA] deny-assignments.md). Its permission blocks name what is denied
/// (NotActions / NotDataActions carve exceptions out of the deny). Principals may hold the
/// all-principals id 00000000-0000-0000-0000-000000000000 (type SystemDefined).
/// </summary>
public sealed record DenyAssignment
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Permission> Permissions { get; init; } = Array.Empty<Permission>();
    public required string Scope { get; init; }
    public IReadOnlyList<string> Principals { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> ExcludePrincipals { get; init; } = Array.Empty<string>();
    public bool DoNotApplyToChildScopes { get; init; }
    public bool IsSystemProtected { get; init; }
}
