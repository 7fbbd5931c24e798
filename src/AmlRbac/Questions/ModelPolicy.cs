using AmlRbac.Authoring;
using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// An authored model guardrail: the assignment to create, and for the custom allow-list the definition to create
/// first, and the request it was authored from.
/// </summary>
public sealed record ModelPolicy(PolicyAssignmentDraft Assignment, CustomDefinitionDraft? Definition, ModelPolicyRequest Request)
    : AuthoredPolicy(Assignment, Definition)
{
    public override string? DisplayName => Request.DisplayName;
    public override IReadOnlyList<string> NotScopes => Request.NotScopes;
    public override EnforcementMode EnforcementMode => Request.EnforcementMode;
}
