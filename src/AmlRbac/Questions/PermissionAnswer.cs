using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Questions;

/// <summary>
/// One answer a host shows: the decision about one operation or about one catalog activity, with the
/// principal's display name when the source knows it and, for who-can answers, its type.
/// Exactly one of <see cref="Operation"/> and <see cref="Activity"/> is set. An answer about deploying a model
/// also carries the Azure Policy side in <see cref="Deployment"/>, and its outcome is both layers combined.
/// </summary>
public sealed class PermissionAnswer
{
    private PermissionAnswer(Outcome outcome, Decision? operation, ActivityDecision? activity, string? principalName, PrincipalType? principalType,
        ModelDeployment? deployment = null)
    {
        Deployment = deployment;
        Outcome = outcome;
        Operation = operation;
        Activity = activity;
        PrincipalName = principalName;
        PrincipalType = principalType;
    }

    public Outcome Outcome { get; }
    public Decision? Operation { get; }
    public ActivityDecision? Activity { get; }
    public string? PrincipalName { get; }

    /// <summary>What was asked: the operation, or the activity's name.</summary>
    public string Asked => Operation?.Action ?? Activity!.Activity.Name;
    /// <summary>Known for who-can answers only.</summary>
    public PrincipalType? PrincipalType { get; }
    /// <summary>For a model deployment: the model, the policy verdicts and which layer settled the outcome; else null.</summary>
    public ModelDeployment? Deployment { get; }

    /// <summary>
    /// In a recursive listing, the workspace, registry or compute the answer is about; else null. An activity decided
    /// above it (quota at the subscription) keeps that scope in its decision: the resource says which one was asked.
    /// </summary>
    public AmlResource? Resource { get; private init; }

    /// <summary>The same answer, said of one resource of a recursive listing.</summary>
    public PermissionAnswer About(AmlResource resource) =>
        new(Outcome, Operation, Activity, PrincipalName, PrincipalType, Deployment) { Resource = resource };

    /// <summary>
    /// The operation decision that settled the answer: the operation itself, or for an activity the
    /// first required operation whose outcome is the activity's (the one that blocked it, or for an
    /// allowed activity the first one granted). For a model deployment, by the RBAC outcome alone.
    /// </summary>
    public Decision? DecidingOperation => Operation ?? Activity!.Operations.FirstOrDefault(d => d.Outcome == (Deployment?.RbacOutcome ?? Outcome));

    /// <summary>
    /// The RBAC reason that settled the answer: its role, scope and group are what tables show. Null when Azure
    /// Policy settled a model deployment answer: then <see cref="DecidingPolicyReason"/> is the one.
    /// </summary>
    public Reason? DecidingReason => DecidingPolicyReason is null ? DecidingOperation?.DecidingReason : null;

    /// <summary>For a model deployment that Azure Policy settled, the policy reason that did (the first deny, else the first Unknown); else null.</summary>
    public PolicyReason? DecidingPolicyReason => Deployment?.DecidingPolicyReason;

    /// <summary>
    /// Built-in roles that would make the answer Allowed, narrowest first: for an activity, the roles
    /// that grant every one of its missing operations (empty when none does alone). None for Denied:
    /// a deny assignment wins over any role, so no assignment would help.
    /// </summary>
    public IReadOnlyList<RoleSuggestion> WouldBeGrantedBy
    {
        get
        {
            if (Outcome == Outcome.Denied)
            {
                return Array.Empty<RoleSuggestion>();
            }
            if (Operation is not null)
            {
                return Operation.WouldBeGrantedBy;
            }
            var missing = Activity!.Missing.ToList();
            if (missing.Count == 0)
            {
                return Array.Empty<RoleSuggestion>();
            }
            return missing[0].WouldBeGrantedBy
                .Where(s => missing.All(d => d.WouldBeGrantedBy.Any(o => string.Equals(o.RoleDefinitionId, s.RoleDefinitionId, StringComparison.OrdinalIgnoreCase))))
                .ToList();
        }
    }

    public static PermissionAnswer ForOperation(Decision decision, string? principalName = null, PrincipalType? principalType = null) =>
        new(decision.Outcome, decision, null, principalName, principalType);

    public static PermissionAnswer ForActivity(ActivityDecision decision, string? principalName = null) =>
        new(decision.Outcome, null, decision, principalName, null);

    /// <summary>A deployment activity's RBAC decision combined with the policy verdict (see <see cref="DeploymentGuardrail"/>).</summary>
    public static PermissionAnswer ForModelDeployment(ActivityDecision rbac, ModelDeployment deployment, Outcome combined, string? principalName = null) =>
        new(combined, null, rbac, principalName, null, deployment);

    /// <summary>
    /// The answers whose outcome is none of <paramref name="expected"/>: what an assertion fails on
    /// (Assert-AmlPermission; see <see cref="Holds"/>).
    /// </summary>
    public static IReadOnlyList<PermissionAnswer> Unexpected(IEnumerable<PermissionAnswer> answers, IReadOnlyCollection<Outcome> expected) =>
        answers.Where(a => !expected.Contains(a.Outcome)).ToList();

    /// <summary>
    /// Whether an assertion holds: there are answers, and each has one of <paramref name="expected"/>. No answer
    /// at all fails: an empty check (an upstream command that listed nothing) is not a passing one.
    /// </summary>
    public static bool Holds(IReadOnlyCollection<PermissionAnswer> answers, IReadOnlyCollection<Outcome> expected) =>
        answers.Count > 0 && Unexpected(answers, expected).Count == 0;

    /// <summary>
    /// The answers that are neither yes nor no: Eligible (a principal who can activate the grant), Conditional
    /// (an ABAC condition decides per request) and Unknown (the source cannot settle it). A yes/no test returns
    /// false for them, but a host must say so, since false would read as "cannot".
    /// </summary>
    public static IReadOnlyList<PermissionAnswer> Undecided(IEnumerable<PermissionAnswer> answers) =>
        answers.Where(a => a.Outcome is Outcome.Eligible or Outcome.Conditional or Outcome.Unknown).ToList();

    /// <summary>The error id a strict yes/no test fails with for an undecided outcome (see <see cref="Undecided"/>).</summary>
    public static string StrictErrorId(Outcome outcome) => outcome switch
    {
        Outcome.Eligible => ErrorIds.PermissionEligible,
        Outcome.Conditional => ErrorIds.PermissionConditional,
        Outcome.Unknown => ErrorIds.PermissionUnknown,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Only Eligible, Conditional and Unknown are undecided."),
    };

    /// <summary>True when there are answers and every one is Allowed: what a yes/no test returns.</summary>
    public static bool AllAllowed(IReadOnlyCollection<PermissionAnswer> answers) =>
        answers.Count > 0 && answers.All(a => a.Outcome == Outcome.Allowed);
}
