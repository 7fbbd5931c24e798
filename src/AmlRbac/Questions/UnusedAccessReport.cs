namespace AmlRbac.Questions;

/// <summary>The answer of <see cref="UnusedAccessQuestion"/>: each role assignment's use over the activity log's window.</summary>
public sealed record UnusedAccessReport
{
    /// <summary>The activity log file, and its shape (az monitor activity-log list, Get-AzActivityLog, AzureActivity).</summary>
    public required string ActivityLog { get; init; }
    public required string Shape { get; init; }
    /// <summary>Where the snapshot came from.</summary>
    public string? Snapshot { get; init; }
    /// <summary>The window: the first and the last record's time. Nothing outside it is known.</summary>
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    /// <summary>Every record read.</summary>
    public required int Records { get; init; }
    /// <summary>Records of a performed operation (Succeeded, with an authorization action, scope and caller): what use is judged from.</summary>
    public required int Performed { get; init; }
    public required IReadOnlyList<AssignmentUse> Assignments { get; init; }
    public required IReadOnlyList<CallerMiss> UnmatchedCallers { get; init; }
    public required IReadOnlyList<UnexplainedUse> Unexplained { get; init; }
    /// <summary>What the activity log cannot show, said with every answer.</summary>
    public required IReadOnlyList<string> Limits { get; init; }

    /// <summary>True when some assignment is to be removed or replaced by a narrower role (exit code 1 of amlrbac unused).</summary>
    public bool HasAccessToNarrow => Assignments.Any(a => a.Recommendation is UnusedRecommendation.Remove or UnusedRecommendation.Replace);
}
