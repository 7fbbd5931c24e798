using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// The answer for a catalog activity: allowed only when every required operation is allowed. The
/// combined outcome is the weakest of the operations' outcomes (<see cref="OutcomeOrder"/>). Each operation is decided
/// where Azure checks it (<see cref="Activity.WhereChecked"/>; its <see cref="Decision.Scope"/> says where):
/// <see cref="Scope"/> is that scope when all of them share one (the subscription for quota, [MLROLES]), else the scope asked.
/// </summary>
public sealed record ActivityDecision
{
    public required Activity Activity { get; init; }
    public required Outcome Outcome { get; init; }
    public string? PrincipalId { get; init; }
    public string? RoleName { get; init; }
    public string? Scope { get; init; }
    /// <summary>One decision per required operation.</summary>
    public required IReadOnlyList<Decision> Operations { get; init; }

    /// <summary>The required operations that are not allowed.</summary>
    public IEnumerable<Decision> Missing => Operations.Where(d => d.Outcome != Outcome.Allowed);

    public bool IsAllowed => Outcome == Outcome.Allowed;

    // Every required operation must be allowed: any denied operation blocks the activity, then any missing one, ...
    internal static Outcome Combine(IEnumerable<Outcome> outcomes) => OutcomeOrder.Weakest(outcomes);
}
