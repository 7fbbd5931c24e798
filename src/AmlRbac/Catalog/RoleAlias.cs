namespace AmlRbac.Catalog;

/// <summary>
/// A former name of a built-in role that Azure renamed: the role keeps its id ([CR] custom-roles.md: "Even if a role
/// is renamed, the role ID does not change"), so scripts and pages that use the old name still mean it.
/// <see cref="Note"/> says when it was renamed and where each name comes from.
/// </summary>
public sealed record RoleAlias(string Name, string RoleId, string Note);
