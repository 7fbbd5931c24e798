using AmlRbac.Rbac;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One workspace as Set-AmlWorkspaceIdentityRole reports it: the identity, its roles on the resource group
/// before and after, the operations it loses and gains there, and the status. The property names are a
/// contract: scripts filter on Status and ErrorId. Status and Role are their names (ConvertTo-Json writes an
/// enum as a number) and the lists are <see cref="ReadableList{T}"/>, so Export-Csv writes their entries.
/// </summary>
public sealed record AmlWorkspaceIdentityConversion
{
    public string WorkspaceId { get; init; } = string.Empty;
    public string? PrincipalId { get; init; }
    /// <summary>The role asked for: AzureAIAdministrator or Contributor.</summary>
    public string Role { get; init; } = string.Empty;
    public DateTimeOffset? CreatedAt { get; init; }
    public ReadableList<string> BeforeRoles { get; init; } = new();
    public ReadableList<string> AfterRoles { get; init; } = new();
    public ReadableList<string> LostOperations { get; init; } = new();
    public ReadableList<string> GainedOperations { get; init; } = new();
    /// <summary>The writes planned (WhatIf) or made, in order.</summary>
    public ReadableList<string> Steps { get; init; } = new();
    /// <summary>Converted, AlreadyConverted, Planned, Skipped, Pending or Failed.</summary>
    public string Status { get; init; } = string.Empty;
    public string? Reason { get; init; }
    public string? ErrorId { get; init; }

    public static AmlWorkspaceIdentityConversion From(WorkspaceConversion conversion) => new()
    {
        WorkspaceId = conversion.WorkspaceId,
        PrincipalId = conversion.PrincipalId,
        Role = conversion.Role.ToString(),
        CreatedAt = conversion.CreatedAt,
        BeforeRoles = ReadableList.Of(conversion.BeforeRoles),
        AfterRoles = ReadableList.Of(conversion.AfterRoles),
        LostOperations = ReadableList.Of(conversion.LostOperations),
        GainedOperations = ReadableList.Of(conversion.GainedOperations),
        Steps = ReadableList.Of(conversion.Steps),
        Status = conversion.Status.ToString(),
        Reason = conversion.Reason,
        ErrorId = conversion.ErrorId,
    };

    /// <summary>"Planned /subscriptions/.../workspaces/mlw-dev": what happened, to which workspace.</summary>
    public override string ToString() => $"{Status} {WorkspaceId}";
}
