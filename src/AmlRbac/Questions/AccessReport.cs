using AmlRbac.Catalog;

namespace AmlRbac.Questions;

/// <summary>
/// A tenant's access at a scope (<see cref="AccessReportQuestion"/>), one section per Azure ML workspace under it.
/// Every decision in it is the evaluator's, with its reasons; the renderers (Output) only lay it out.
/// </summary>
public sealed record AccessReport
{
    /// <summary>The scope asked about, as given.</summary>
    public required string Scope { get; init; }

    /// <summary>Where the tenant was read from (a snapshot's path, live ARM, the sample), when the source says.</summary>
    public string? Source { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The catalog activities each principal is answered for, in catalog order: the columns of the report.</summary>
    public required IReadOnlyList<Activity> Activities { get; init; }

    /// <summary>The privileged operations each principal is answered for, and whose holders are listed.</summary>
    public required IReadOnlyList<PrivilegedOperation> PrivilegedOperations { get; init; }

    /// <summary>The workspaces under the scope, by id; empty when the source names none there.</summary>
    public required IReadOnlyList<WorkspaceAccess> Workspaces { get; init; }
}
