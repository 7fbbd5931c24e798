using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// A deny assignment as a workspace's report shows it: whether it reaches the workspace itself (at it, or above it and
/// applying to child scopes) or only resources inside it; whom it names and excludes, with the display names the
/// source knows; and how many of the report's answers for the workspace it blocked (answers whose reasons name it).
/// </summary>
public sealed record WorkspaceDeny
{
    public required DenyAssignment Deny { get; init; }
    public required bool ReachesWorkspace { get; init; }
    public required int BlockedAnswers { get; init; }

    /// <summary>Its Principals; the all-principals id stands for everyone (<see cref="ObjectIds.AllPrincipals"/>).</summary>
    public required IReadOnlyList<Principal> Principals { get; init; }

    public required IReadOnlyList<Principal> ExcludedPrincipals { get; init; }
}
