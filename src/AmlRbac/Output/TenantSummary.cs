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
        var custom = tenant.RoleDefinitions.Count(r => r.IsCustom);
        var counts = new List<string>
        {
            Count(tenant.RoleAssignments.Count, "role assignment"),
            $"{Count(tenant.RoleDefinitions.Count, "role definition")} ({custom} custom)",
            Count(tenant.DenyAssignments.Count, "deny assignment"),
            Count(tenant.Principals.Count, "principal"),
            Count(tenant.Groups.Count, "group"),
            Count(tenant.ManagementGroups.Count, "management group"),
            Count(tenant.Policy.Assignments.Count, "policy assignment"),
            Count(tenant.Policy.Exemptions.Count, "policy exemption"),
            Count(tenant.Policy.Definitions.Count + tenant.Policy.SetDefinitions.Count, "policy definition"),
        };
        return $"Read {tenant.Source ?? "the source"}: {string.Join(", ", counts)}.";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
