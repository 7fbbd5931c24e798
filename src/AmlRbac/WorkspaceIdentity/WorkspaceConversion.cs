using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// The record of one workspace: which identity, its roles on the resource group before and after, the
/// catalog operations it loses and gains there (from the evaluator), and what happened.
/// </summary>
public sealed record WorkspaceConversion
{
    public required string WorkspaceId { get; init; }

    /// <summary>The system-assigned identity's object id; null when the workspace has none.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>The role asked for.</summary>
    public WorkspaceRole Role { get; init; }

    /// <summary>The workspace's creation time (systemData.createdAt), when ARM gave it.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Role names the identity held on the resource group when it was read.</summary>
    public IReadOnlyList<string> BeforeRoles { get; init; } = Array.Empty<string>();

    /// <summary>Role names it holds after the change (read back), or would hold (Planned, Pending).</summary>
    public IReadOnlyList<string> AfterRoles { get; init; } = Array.Empty<string>();

    /// <summary>Catalog operations allowed before and not after, at the resource group.</summary>
    public IReadOnlyList<string> LostOperations { get; init; } = Array.Empty<string>();

    /// <summary>Catalog operations allowed after and not before, at the resource group.</summary>
    public IReadOnlyList<string> GainedOperations { get; init; } = Array.Empty<string>();

    /// <summary>The writes the plan makes, in order, in words ("PATCH … allowRoleAssignmentOnRG=true").</summary>
    public IReadOnlyList<string> Steps { get; init; } = Array.Empty<string>();

    public required ConversionStatus Status { get; init; }

    /// <summary>Why it failed or is pending, in a sentence, or "not confirmed" when Skipped; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The stable id of the failure (<see cref="ErrorIds"/> Workspace*); null unless Failed.</summary>
    public string? ErrorId { get; init; }

    /// <summary>The failure as the hosts report it (non-terminating ErrorRecord, stderr line); null unless Failed.</summary>
    public AmlRbacException? Error { get; init; }
}
