using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// The estate of a scope as Get-AmlAccessEstate writes it: what was read, the Azure ML resources, the privileged
/// holders (decisions, with the Reach view's properties) and the assignments to clean up. The property names are a
/// contract: scripts read `.Findings | Where-Object Kind -eq Orphaned`.
/// </summary>
public sealed record AmlAccessEstate
{
    public required string Scope { get; init; }
    public string? Source { get; init; }
    /// <summary>Whether the source lists its directory; without it an orphan is an assignment whose principal type is Unknown.</summary>
    public bool DirectoryListed { get; init; }
    /// <summary>The resource ids of the workspaces, registries and computes at or below the scope.</summary>
    public ReadableList<string> Resources { get; init; } = new();
    /// <summary>One decision per principal, privileged operation and scope where it reaches the principal.</summary>
    public ReadableList<AmlPermissionDecision> Privileged { get; init; } = new();
    public ReadableList<AmlAssignmentFinding> Findings { get; init; } = new();

    public static AmlAccessEstate From(AccessEstate estate) => new()
    {
        Scope = estate.Scope,
        Source = estate.Source,
        DirectoryListed = estate.DirectoryListed,
        Resources = ReadableList.Of(estate.Resources, r => r.Id),
        Privileged = ReadableList.Of(estate.Privileged, h => AmlPermissionDecision.From(h.Answer)),
        Findings = ReadableList.Of(estate.Findings, AmlAssignmentFinding.From),
    };
}

/// <summary>One role assignment to clean up; its ToString is the finding in a sentence.</summary>
public sealed record AmlAssignmentFinding
{
    /// <summary>Orphaned, GrantsNothingInAzureMl, Duplicate or CoveredByAncestor.</summary>
    public required string Kind { get; init; }
    public required string AssignmentId { get; init; }
    public required string PrincipalId { get; init; }
    public string? PrincipalName { get; init; }
    public string? PrincipalType { get; init; }
    public required string RoleDefinitionId { get; init; }
    public string? RoleName { get; init; }
    public required string Scope { get; init; }
    public bool IsEligible { get; init; }
    public required string Why { get; init; }
    /// <summary>For Duplicate and CoveredByAncestor: the assignment that already grants it.</summary>
    public string? OtherAssignmentId { get; init; }

    public static AmlAssignmentFinding From(AssignmentFinding finding) => new()
    {
        Kind = finding.Kind.ToString(),
        AssignmentId = finding.Assignment.Id,
        PrincipalId = finding.Assignment.PrincipalId,
        PrincipalName = finding.PrincipalName,
        PrincipalType = finding.Assignment.PrincipalType.ToString(),
        RoleDefinitionId = finding.Assignment.RoleDefinitionId,
        RoleName = finding.RoleName,
        Scope = finding.Assignment.Scope,
        IsEligible = finding.Assignment.IsEligible,
        Why = finding.Why,
        OtherAssignmentId = finding.Other?.Id,
    };

    public override string ToString() => $"{Kind} {RoleName ?? RoleDefinitionId} for {PrincipalName ?? PrincipalId} at {Scope}";
}
