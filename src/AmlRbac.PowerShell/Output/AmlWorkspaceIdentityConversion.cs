using AmlRbac.Rbac;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One workspace as Set-AmlWorkspaceIdentityRole reports it: the identity, its roles on the resource group
/// before and after, the operations it loses and gains there, and the status. The property names are a
/// contract: scripts filter on Status and ErrorId.
/// </summary>
public sealed record AmlWorkspaceIdentityConversion
{
    public string WorkspaceId { get; init; } = string.Empty;
    public string? PrincipalId { get; init; }
    public WorkspaceRole Role { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public IReadOnlyList<string> BeforeRoles { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> AfterRoles { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> LostOperations { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> GainedOperations { get; init; } = Array.Empty<string>();
    /// <summary>The writes planned (WhatIf) or made, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = Array.Empty<string>();
    public ConversionStatus Status { get; init; }
    public string? Reason { get; init; }
    public string? ErrorId { get; init; }

    public static AmlWorkspaceIdentityConversion From(WorkspaceConversion conversion) => new()
    {
        WorkspaceId = conversion.WorkspaceId,
        PrincipalId = conversion.PrincipalId,
        Role = conversion.Role,
        CreatedAt = conversion.CreatedAt,
        BeforeRoles = conversion.BeforeRoles,
        AfterRoles = conversion.AfterRoles,
        LostOperations = conversion.LostOperations,
        GainedOperations = conversion.GainedOperations,
        Steps = conversion.Steps,
        Status = conversion.Status,
        Reason = conversion.Reason,
        ErrorId = conversion.ErrorId,
    };
}
