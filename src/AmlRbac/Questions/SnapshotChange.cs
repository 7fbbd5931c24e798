namespace AmlRbac.Questions;

/// <summary>What kind of item of a snapshot changed between two snapshots.</summary>
public enum ChangedItemKind
{
    RoleAssignment,
    RoleDefinition,
    /// <summary>One member added to or removed from one group.</summary>
    GroupMembership,
    DenyAssignment,
    PolicyAssignment,
    PolicyExemption,
    PolicyDefinition,
}

/// <summary>How an item changed between two snapshots.</summary>
public enum ChangeType
{
    Added,
    Removed,
    Edited,
}

/// <summary>
/// One item that differs between two snapshots of a tenant, matched by its id (a group membership by group and
/// member): the cause a changed decision names. <see cref="Detail"/> says what changed in words ("notActions +x",
/// "enforcementMode Default -> DoNotEnforce", "Alice Chen added").
/// </summary>
public sealed record SnapshotChange
{
    public required ChangedItemKind Kind { get; init; }
    public required ChangeType Change { get; init; }
    /// <summary>The item's id; for a group membership, the group's.</summary>
    public required string Id { get; init; }
    /// <summary>The item's display name (role name, group name, deny or policy name), when the snapshots give one.</summary>
    public string? Name { get; init; }
    /// <summary>Where the item is (an assignment's, a deny's, a policy assignment's or an exemption's scope); null for a role definition or a group.</summary>
    public string? Scope { get; init; }
    /// <summary>For a group membership, the member added or removed.</summary>
    public string? MemberId { get; init; }
    public required string Detail { get; init; }

    /// <summary>"RoleAssignment removed: AzureML Data Scientist for Erin Walsh": how tables and lists show a cause.</summary>
    public override string ToString() => $"{Kind} {Change.ToString().ToLowerInvariant()}: {Detail}";
}
