using AmlRbac.Catalog;
using AmlRbac.Posture;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>The answer of the posture question: each workspace at or under a scope, each rule's result and who can change it.</summary>
public sealed record PostureReport
{
    public required string Scope { get; init; }
    public string? Source { get; init; }
    public required IReadOnlyList<WorkspacePosture> Workspaces { get; init; }

    /// <summary>True when a rule of Error severity fails on some workspace: amlrbac posture then exits 1.</summary>
    public bool FailsAtError => Workspaces.Any(w => w.Rules.Any(r => r.Result == PostureResult.Fail && r.Rule.Severity == PostureSeverity.Error));
}

/// <summary>One workspace's posture, rule by rule in id order.</summary>
public sealed record WorkspacePosture(string Id, string Name, IReadOnlyList<RulePosture> Rules);

/// <summary>
/// One rule's result for one workspace (<see cref="PostureFinding"/>) joined with access: the principals for whom
/// the rule's change action is Allowed, Conditional or Eligible where the setting lives.
/// </summary>
public sealed record RulePosture(PostureFinding Finding, IReadOnlyList<AccessHolder> CanChange)
{
    public PostureRule Rule => Finding.Rule;
    public PostureResult Result => Finding.Result;
    public string Evidence => Finding.Evidence;
}
