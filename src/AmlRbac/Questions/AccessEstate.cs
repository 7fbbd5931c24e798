using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// The estate view of a scope (Get-AmlAccessEstate, amlrbac estate): the Azure ML resources under it, who holds a
/// privileged operation anywhere under it, and the role assignments an administrator should clean up (orphaned, granting
/// nothing in Azure ML, duplicated). The JSON contract is docs/REACH.md.
/// </summary>
public sealed record AccessEstate
{
    public required string Scope { get; init; }
    public string? Source { get; init; }

    /// <summary>The workspaces, registries and computes at or below the scope that the source names (<see cref="AmlResources"/>), by id.</summary>
    public required IReadOnlyList<AmlResource> Resources { get; init; }

    /// <summary>The privileged operations asked about (Catalog/Data/privileged-operations.json), in file order.</summary>
    public required IReadOnlyList<PrivilegedOperation> PrivilegedOperations { get; init; }

    /// <summary>By operation (in <see cref="PrivilegedOperations"/> order), then strongest first, then by principal name and scope.</summary>
    public required IReadOnlyList<PrivilegedHolding> Privileged { get; init; }

    /// <summary>Orphaned, granting nothing in Azure ML, duplicate or covered assignments at or below the scope, by kind, then by assignment id.</summary>
    public required IReadOnlyList<AssignmentFinding> Findings { get; init; }

    /// <summary>Whether the source lists its directory (a principals or groups section): orphans are then found by absence.</summary>
    public required bool DirectoryListed { get; init; }
}

/// <summary>
/// A principal (or a group: its members hold it through the group) for whom a privileged operation is Allowed,
/// Conditional or Eligible at a scope under the estate's: where its assignment is, or the estate's scope for an
/// assignment above it. <see cref="Answer"/> is the evaluator's decision there, with its reasons.
/// </summary>
public sealed record PrivilegedHolding(PrivilegedOperation Operation, string Scope, PermissionAnswer Answer);

/// <summary>What is wrong with a role assignment in the estate view.</summary>
public enum AssignmentFindingKind
{
    /// <summary>Its principal is not in the directory (deleted): the assignment grants nobody and should be removed.</summary>
    Orphaned,
    /// <summary>A custom role that grants no Azure ML operation and none of the operations Azure ML activities need.</summary>
    GrantsNothingInAzureMl,
    /// <summary>The same principal, role and scope (and condition and eligibility) as another assignment.</summary>
    Duplicate,
    /// <summary>The same principal and role at an ancestor scope, unconditional, already grants everything this one does.</summary>
    CoveredByAncestor,
}

/// <summary>
/// One role assignment the estate view reports, why, and for a duplicate or covered one the assignment that makes it
/// redundant (<see cref="Other"/>).
/// </summary>
public sealed record AssignmentFinding
{
    public required AssignmentFindingKind Kind { get; init; }
    public required RoleAssignment Assignment { get; init; }
    /// <summary>The role's name, when the source or the catalog holds the role.</summary>
    public string? RoleName { get; init; }
    public string? PrincipalName { get; init; }
    /// <summary>The finding in a sentence.</summary>
    public required string Why { get; init; }
    public RoleAssignment? Other { get; init; }
}
