namespace AmlRbac.Questions;

/// <summary>One operation a role assignment's principal performed through it in the activity log's window.</summary>
public sealed record OperationUse
{
    /// <summary>The operation, as the catalog spells it (as the log spells it when the catalog does not list it).</summary>
    public required string Operation { get; init; }
    /// <summary>How many Succeeded records show it.</summary>
    public required int Records { get; init; }
    public required DateTimeOffset First { get; init; }
    public required DateTimeOffset Last { get; init; }
    /// <summary>Who performed it, as the log names the callers (a group's assignment is used by its members).</summary>
    public required IReadOnlyList<string> Callers { get; init; }
    /// <summary>The other assignments that also grant it to the callers at those scopes: each of them is credited with the use too.</summary>
    public required IReadOnlyList<string> AlsoGrantedBy { get; init; }
}
