namespace AmlRbac.Model;

/// <summary>
/// How many of each kind of object a tenant holds: what a summary line reports. An export counts its role
/// assignments as it spools them, since its tenant never holds them all (issue #16).
/// </summary>
public sealed record TenantCounts
{
    public int RoleDefinitions { get; init; }
    public int CustomRoleDefinitions { get; init; }

    /// <summary>Role assignments, active and eligible.</summary>
    public int RoleAssignments { get; init; }

    /// <summary>The eligible ones among <see cref="RoleAssignments"/> (PIM).</summary>
    public int EligibleAssignments { get; init; }
    public int DenyAssignments { get; init; }
    public int Principals { get; init; }
    public int Groups { get; init; }
    public int ManagementGroups { get; init; }
    public int PolicyAssignments { get; init; }
    public int PolicyExemptions { get; init; }

    /// <summary>Policy definitions and initiatives (policy set definitions).</summary>
    public int PolicyDefinitions { get; init; }

    public static TenantCounts Of(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new TenantCounts
        {
            RoleDefinitions = tenant.RoleDefinitions.Count,
            CustomRoleDefinitions = tenant.RoleDefinitions.Count(r => r.IsCustom),
            RoleAssignments = tenant.RoleAssignments.Count,
            EligibleAssignments = tenant.RoleAssignments.Count(a => a.IsEligible),
            DenyAssignments = tenant.DenyAssignments.Count,
            Principals = tenant.Principals.Count,
            Groups = tenant.Groups.Count,
            ManagementGroups = tenant.ManagementGroups.Count,
            PolicyAssignments = tenant.Policy.Assignments.Count,
            PolicyExemptions = tenant.Policy.Exemptions.Count,
            PolicyDefinitions = tenant.Policy.Definitions.Count + tenant.Policy.SetDefinitions.Count,
        };
    }
}
