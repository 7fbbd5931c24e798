using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>Two tenants compared as snapshots, with every list in id order (a live read has its own order).</summary>
internal static class LiveTenantComparison
{
    public static string Canonical(Tenant tenant) => SnapshotWriter.ToJson(new Tenant
    {
        RoleDefinitions = tenant.RoleDefinitions.Select(r => r with { Source = null }).OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        RoleAssignments = tenant.RoleAssignments.OrderBy(a => a.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        DenyAssignments = tenant.DenyAssignments.OrderBy(d => d.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        Groups = tenant.Groups.Select(g => g with { Members = g.Members.OrderBy(m => m, StringComparer.OrdinalIgnoreCase).ToList() })
            .OrderBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        ManagementGroups = tenant.ManagementGroups.Select(g => g with { Subscriptions = g.Subscriptions.OrderBy(s => s, StringComparer.OrdinalIgnoreCase).ToList() })
            .OrderBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToList(),
        Principals = tenant.Principals.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList(),
    });
}
