using AmlRbac.Catalog;

namespace AmlRbac.Questions;

/// <summary>Who holds one privileged operation at a workspace: the who-can answers (Allowed, Conditional, Eligible), strongest first.</summary>
public sealed record PrivilegedAccess(PrivilegedOperation Operation, IReadOnlyList<PermissionAnswer> Holders);
