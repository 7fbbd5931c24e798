using AmlRbac.Model;

namespace AmlRbac.Output;

/// <summary>
/// What a source held, in one line for -Verbose and the CLI's --verbose: where it came from and how many
/// of each kind of object, so a user can see that the snapshot or pipeline they meant was read.
/// </summary>
public static class TenantSummary
{
    public static string Describe(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return Describe(TenantCounts.Of(tenant), tenant.Source);
    }

    /// <summary>The line for <paramref name="tenant"/>'s counts, read from <paramref name="source"/>.</summary>
    public static string Describe(TenantCounts tenant, string? source)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var counts = new List<string>
        {
            Count(tenant.RoleAssignments, "role assignment"),
            $"{Count(tenant.RoleDefinitions, "role definition")} ({tenant.CustomRoleDefinitions} custom)",
            Count(tenant.DenyAssignments, "deny assignment"),
            Count(tenant.Principals, "principal"),
            Count(tenant.Groups, "group"),
            Count(tenant.ManagementGroups, "management group"),
            Count(tenant.PolicyAssignments, "policy assignment"),
            Count(tenant.PolicyExemptions, "policy exemption"),
            Count(tenant.PolicyDefinitions, "policy definition"),
        };
        return $"Read {source ?? "the source"}: {string.Join(", ", counts)}.";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
