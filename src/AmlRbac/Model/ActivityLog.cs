namespace AmlRbac.Model;

/// <summary>The records of one activity log file, in the file's order, and the file they came from.</summary>
public sealed record ActivityLog
{
    public required string Source { get; init; }
    public required IReadOnlyList<ActivityRecord> Records { get; init; }
    /// <summary>Which shape the file had: "az monitor activity-log list", "Get-AzActivityLog", "AzureActivity (JSON)", "AzureActivity (CSV)".</summary>
    public required string Shape { get; init; }
}
