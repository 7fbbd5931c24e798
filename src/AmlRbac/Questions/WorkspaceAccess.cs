using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>
/// One workspace of an <see cref="AccessReport"/>: every principal an assignment bears on there, by activity and
/// privileged operation; who holds each privileged operation; the deny assignments that bear on it; and what the
/// tenant's Azure Policy does to deploying models into it.
/// </summary>
public sealed record WorkspaceAccess
{
    /// <summary>The workspace's resource id.</summary>
    public required string Workspace { get; init; }

    public string Name => WorkspaceId.Parse(Workspace).Name;

    /// <summary>By display name, then id (<see cref="Rbac.AccessEvaluator.PrincipalsAt"/>).</summary>
    public required IReadOnlyList<PrincipalAccess> Principals { get; init; }

    /// <summary>One entry per privileged operation of the report, in its order.</summary>
    public required IReadOnlyList<PrivilegedAccess> Privileged { get; init; }

    /// <summary>Those that reach the workspace, nearest first, then those on resources inside it.</summary>
    public required IReadOnlyList<WorkspaceDeny> DenyAssignments { get; init; }

    /// <summary>One per model the report asks about; empty when no policy assignment of the source covers the workspace.</summary>
    public required IReadOnlyList<ModelGuardrail> Guardrails { get; init; }

    /// <summary>
    /// The answers that are Eligible (a PIM assignment not activated) or Conditional (an ABAC condition decides per
    /// request), principal by principal: access that a listing of active grants would not show.
    /// </summary>
    public IReadOnlyList<(PrincipalAccess Principal, PermissionAnswer Answer)> EligibleOrConditional =>
        Principals.SelectMany(p => p.Answers.Where(a => a.Outcome is Outcome.Eligible or Outcome.Conditional).Select(a => (p, a))).ToList();
}
