using AmlRbac.Evaluation;
using AmlRbac.Model;

namespace AmlRbac.Hosting;

/// <summary>
/// One answer a host shows: the decision about one operation or about one catalog activity, with the
/// principal's display name when the source knows it and, for who-can answers, its type.
/// Exactly one of <see cref="Operation"/> and <see cref="Activity"/> is set.
/// </summary>
public sealed class PermissionAnswer
{
    private PermissionAnswer(Outcome outcome, Decision? operation, ActivityDecision? activity, string? principalName, PrincipalType? principalType)
    {
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
    /// <summary>Known for who-can answers only.</summary>
    public PrincipalType? PrincipalType { get; }

    /// <summary>
    /// The operation decision that settled the answer: the operation itself, or for an activity the
    /// first required operation whose outcome is the activity's (the one that blocked it, or for an
    /// allowed activity the first one granted).
    /// </summary>
    public Decision? DecidingOperation => Operation ?? Activity!.Operations.FirstOrDefault(d => d.Outcome == Outcome);

    /// <summary>The reason that settled the answer: its role, scope and group are what tables show.</summary>
    public Reason? DecidingReason => DecidingOperation?.DecidingReason;

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

    /// <summary>True when there are answers and every one is Allowed: what a yes/no test returns.</summary>
    public static bool AllAllowed(IReadOnlyCollection<PermissionAnswer> answers) =>
        answers.Count > 0 && answers.All(a => a.Outcome == Outcome.Allowed);
}
