namespace AmlRbac.Model;

/// <summary>
/// The one order of outcomes, from the weakest (furthest from being allowed) to the strongest:
/// Denied, NotGranted, Eligible, Conditional, Unknown, Allowed. It answers both questions that
/// rank outcomes:
/// <list type="bullet">
/// <item>Several assignments grant one operation: the strongest wins. Access is the union of the
/// assignments ([OV] https://learn.microsoft.com/azure/role-based-access-control/overview, "How Azure RBAC
/// determines if a user has access to a resource"), so one active unconditional grant makes it Allowed
/// whatever the others say; a conditional grant still may allow, an eligible one only after activation.</item>
/// <item>Everything must let one thing through (every operation of an activity; RBAC and Azure Policy
/// for a model deployment): the weakest wins. A deny wins over any grant ("Deny assignments block users
/// from performing specific Azure resource actions even if a role assignment grants them access",
/// https://learn.microsoft.com/azure/role-based-access-control/deny-assignments), a missing operation
/// over a conditional one, and Unknown (the tool cannot tell) sits just below Allowed: it never hides
/// an answer that is known to be worse, and never passes for Allowed.</item>
/// </list>
/// Who-can lists its holders strongest first by the same order.
/// </summary>
public static class OutcomeOrder
{
    /// <summary>Orders outcomes strongest first (Allowed first, Denied last).</summary>
    public static IComparer<Outcome> StrongestFirst { get; } = Comparer<Outcome>.Create((a, b) => Rank(b).CompareTo(Rank(a)));

    /// <summary>Where an outcome stands: 0 for Denied, up to 5 for Allowed.</summary>
    public static int Rank(Outcome outcome) => outcome switch
    {
        Outcome.Denied => 0,
        Outcome.NotGranted => 1,
        Outcome.Eligible => 2,
        Outcome.Conditional => 3,
        Outcome.Unknown => 4,
        Outcome.Allowed => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An outcome with no place in the order."),
    };

    /// <summary>
    /// Whether an outcome gives the principal access now or on a step it can take itself: Allowed, Conditional (an ABAC
    /// condition decides per request) or Eligible (a PIM assignment it can activate). What who-can holders and a
    /// recursive listing's reach are.
    /// </summary>
    public static bool Reaches(Outcome outcome) => outcome is Outcome.Allowed or Outcome.Conditional or Outcome.Eligible;

    /// <summary>The stronger of two outcomes: what several grants of one operation together give.</summary>
    public static Outcome Stronger(Outcome a, Outcome b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>The weaker of two outcomes: what two controls that must both let it through give.</summary>
    public static Outcome Weaker(Outcome a, Outcome b) => Rank(a) <= Rank(b) ? a : b;

    /// <summary>The weakest of several outcomes, all of which must let it through; Allowed when there are none.</summary>
    public static Outcome Weakest(IEnumerable<Outcome> outcomes)
    {
        var weakest = Outcome.Allowed;
        foreach (var outcome in outcomes)
        {
            weakest = Weaker(weakest, outcome);
        }
        return weakest;
    }
}
