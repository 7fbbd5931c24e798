namespace AmlRbac.Questions;

/// <summary>What to do with a role assignment, judged from the activity log (<see cref="UnusedAccessQuestion"/>).</summary>
public enum UnusedRecommendation
{
    /// <summary>Its principal used it, and a role of only what was used (reads and data actions kept) would grant the same catalog operations.</summary>
    Keep,
    /// <summary>Nothing it grants was used in the window, and everything it grants is of a kind the activity log records.</summary>
    Remove,
    /// <summary>Used in part: replace its role by the narrower custom role given, proven to grant no more and to cover what was used.</summary>
    Replace,
    /// <summary>The log cannot decide: nothing logged was used but the role grants reads or data actions the log does not record, or no narrower role could be built.</summary>
    Review,
}
