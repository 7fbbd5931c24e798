using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// What the conversion would do to one workspace, decided from reads alone. <see cref="Record"/> is what
/// is reported when nothing is written (Planned, AlreadyConverted, or Failed while reading);
/// <see cref="WorkspaceIdentityConverter.ApplyAsync"/> carries out the writes.
/// </summary>
public sealed class ConversionPlan
{
    internal ConversionPlan(WorkspaceId workspace, WorkspaceConversion record, PlannedWrites writes)
    {
        Workspace = workspace;
        Record = record;
        Writes = writes;
    }

    public WorkspaceId Workspace { get; }

    /// <summary>The report if nothing is written.</summary>
    public WorkspaceConversion Record { get; }

    /// <summary>True when the plan writes something (what ShouldProcess asks about).</summary>
    public bool HasWrites => Record.Status == ConversionStatus.Planned;

    /// <summary>
    /// The report when the writes were not made because the host's confirmation said no: the plan as it
    /// stands (Planned) under -WhatIf, which only asks what would happen; otherwise the user declined, and
    /// the workspace is Skipped, "not confirmed", so that a run answered No is not counted as planned.
    /// </summary>
    public WorkspaceConversion NotApplied(bool whatIf) =>
        whatIf || !HasWrites ? Record : Record with { Status = ConversionStatus.Skipped, Reason = NotConfirmed };

    /// <summary>The Reason of a Skipped record.</summary>
    public const string NotConfirmed = "not confirmed";

    /// <summary>The writes in one sentence, for the confirmation prompt.</summary>
    public string Action => string.Join("; ", Record.Steps);

    internal PlannedWrites Writes { get; }
}

/// <summary>The writes of a plan, and what was read to decide them.</summary>
internal sealed record PlannedWrites
{
    public static PlannedWrites None { get; } = new();

    public string? PrincipalId { get; init; }
    public bool SetProperty { get; init; }
    public bool CreateContributor { get; init; }
    /// <summary>The role to wait for (Azure AI Administrator after the PATCH, Contributor after the PUT); null when already held.</summary>
    public string? AwaitRoleId { get; init; }
    public IReadOnlyList<IdentityAssignment> ContributorToRemove { get; init; } = Array.Empty<IdentityAssignment>();
    public IReadOnlyList<IdentityAssignment> Before { get; init; } = Array.Empty<IdentityAssignment>();
}
