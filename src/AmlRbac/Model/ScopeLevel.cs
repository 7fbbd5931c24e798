namespace AmlRbac.Model;

/// <summary>The four levels of Azure RBAC scope plus the root, from the widest to the narrowest ([OV] overview.md "Scope").</summary>
public enum ScopeLevel
{
    Root = 0,
    ManagementGroup = 1,
    Subscription = 2,
    ResourceGroup = 3,
    Resource = 4,
}
