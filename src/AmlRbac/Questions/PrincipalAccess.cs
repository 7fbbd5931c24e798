using AmlRbac.Model;

namespace AmlRbac.Questions;

/// <summary>One principal's row of a workspace in an <see cref="AccessReport"/>: an answer per activity, then per privileged operation.</summary>
public sealed record PrincipalAccess
{
    /// <summary>Its object id, type and display name as the source knows them.</summary>
    public required Principal Principal { get; init; }

    /// <summary>One per activity of the report, in its order.</summary>
    public required IReadOnlyList<PermissionAnswer> Activities { get; init; }

    /// <summary>One per privileged operation of the report, in its order.</summary>
    public required IReadOnlyList<PermissionAnswer> Operations { get; init; }

    /// <summary>The activities' answers, then the operations'.</summary>
    public IEnumerable<PermissionAnswer> Answers => Activities.Concat(Operations);
}
