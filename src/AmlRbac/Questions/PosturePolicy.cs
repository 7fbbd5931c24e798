using AmlRbac.Authoring;
using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// The authored enforcement of the workspace posture: the initiative to create first, its assignment, and the
/// request they were authored from.
/// </summary>
public sealed record PosturePolicy(PolicyAssignmentDraft Assignment, PostureInitiative Initiative, PosturePolicyRequest Request)
    : AuthoredPolicy(Assignment, Initiative.Definition)
{
    public override string? DisplayName => Request.DisplayName;
    public override IReadOnlyList<string> NotScopes => Request.NotScopes;
    public override EnforcementMode EnforcementMode => Request.EnforcementMode;
}
