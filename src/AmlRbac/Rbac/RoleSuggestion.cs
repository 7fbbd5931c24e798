namespace AmlRbac.Rbac;

/// <summary>A built-in role that would grant the operation; <see cref="GrantedOperationCount"/> (catalog operations the role grants) orders them narrowest first.</summary>
public sealed record RoleSuggestion(string RoleDefinitionId, string RoleName, int GrantedOperationCount);
