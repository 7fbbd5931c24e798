using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// A deny assignment as a workspace's report shows it: whether it reaches the workspace itself (at it, or above it and
/// applying to child scopes) or only resources inside it, and how many of the report's answers for the workspace it
/// blocked (answers whose reasons name it).
/// </summary>
public sealed record WorkspaceDeny(DenyAssignment Deny, bool ReachesWorkspace, int BlockedAnswers);
