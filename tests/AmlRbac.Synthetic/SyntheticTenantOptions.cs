namespace AmlRbac.Synthetic;

/// <summary>
/// The size of a synthetic tenant. The defaults are the tenant of the issue "The evaluator",
/// section Performance: 100,000 role assignments, 2,000 custom roles, 5,000 groups nested up to
/// depth 5, 1,000 workspaces under 50 subscriptions and 3 levels of management groups.
/// </summary>
public sealed record SyntheticTenantOptions
{
    /// <summary>The tenant of the performance targets.</summary>
    public static SyntheticTenantOptions Standard { get; } = new();

    /// <summary>The same tenant with 1,000,000 role assignments, for the index-build benchmark.</summary>
    public static SyntheticTenantOptions Million { get; } = new() { RoleAssignments = 1_000_000 };

    public int Seed { get; init; } = 20261130;
    public int RoleAssignments { get; init; } = 100_000;
    public int CustomRoles { get; init; } = 2_000;
    public int Groups { get; init; } = 5_000;
    /// <summary>Levels of group nesting: a group of level L (1-based) is a member of groups of level L-1.</summary>
    public int GroupDepth { get; init; } = 5;
    public int Users { get; init; } = 20_000;
    public int ServicePrincipals { get; init; } = 2_000;
    public int Workspaces { get; init; } = 1_000;
    public int Subscriptions { get; init; } = 50;
    /// <summary>Levels of management groups under the tenant root group.</summary>
    public int ManagementGroupLevels { get; init; } = 3;
    public int ResourceGroupsPerSubscription { get; init; } = 5;
    public int ComputesPerWorkspace { get; init; } = 2;
    public int DenyAssignments { get; init; } = 100;
    /// <summary>Share of role assignments that are PIM eligible, and share that carry an ABAC condition.</summary>
    public double EligibleShare { get; init; } = 0.02;
    public double ConditionalShare { get; init; } = 0.02;
}
