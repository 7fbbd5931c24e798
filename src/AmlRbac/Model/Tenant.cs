
namespace AmlRbac.Model;

/// <summary>
/// Everything the evaluator reads about one tenant: from a snapshot file, from objects piped in from
/// the Az cmdlets, from live ARM, or empty (the embedded catalog alone).
/// </summary>
public sealed record Tenant
{
    public static Tenant Empty { get; } = new();

    /// <summary>Role definitions present in the source; built-in roles missing here come from the catalog.</summary>
    public IReadOnlyList<RoleDefinition> RoleDefinitions { get; init; } = Array.Empty<RoleDefinition>();
    /// <summary>Active and eligible (<see cref="RoleAssignment.IsEligible"/>) role assignments.</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignments { get; init; } = Array.Empty<RoleAssignment>();
    public IReadOnlyList<DenyAssignment> DenyAssignments { get; init; } = Array.Empty<DenyAssignment>();
    public IReadOnlyList<Group> Groups { get; init; } = Array.Empty<Group>();
    public IReadOnlyList<ManagementGroup> ManagementGroups { get; init; } = Array.Empty<ManagementGroup>();
    public IReadOnlyList<Principal> Principals { get; init; } = Array.Empty<Principal>();

    /// <summary>The Azure Policy objects of the source (a snapshot's policy sections); empty when it has none.</summary>
    public PolicyState Policy { get; init; } = PolicyState.Empty;

    /// <summary>
    /// The resource ids of the Azure ML workspaces the source listed: live Azure lists those under the scopes read; a
    /// snapshot those of its workspaces section (none in an older snapshot), and a report also finds the workspaces
    /// its assignments, denies and policies name.
    /// </summary>
    public IReadOnlyList<string> Workspaces { get; init; } = Array.Empty<string>();

    /// <summary>The Azure resources the posture rules read (a snapshot's resource sections); empty when it has none.</summary>
    public ResourceInventory Resources { get; init; } = ResourceInventory.Empty;

    /// <summary>Where this tenant was read from, for messages ("samples/contoso.snapshot.json", "live ARM").</summary>
    public string? Source { get; init; }
}
