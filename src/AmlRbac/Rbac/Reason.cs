namespace AmlRbac.Rbac;

/// <summary>
/// One piece of RBAC evidence behind a decision, as data (a formatter turns it into a sentence): a role
/// assignment that grants the operation or whose NotActions remove it, a deny assignment that blocks it,
/// or an assignment whose role the source does not hold. Fields that do not apply to the
/// <see cref="Kind"/> are null. The Azure Policy side of a model deployment has its own evidence
/// (Questions.PolicyReason).
/// </summary>
public sealed record Reason
{
    public required ReasonKind Kind { get; init; }
    /// <summary>The role assignment (or eligible assignment) id.</summary>
    public string? AssignmentId { get; init; }
    public string? RoleDefinitionId { get; init; }
    public string? RoleName { get; init; }
    /// <summary>The scope of the assignment or deny assignment.</summary>
    public string? Scope { get; init; }
    /// <summary>The Actions/DataActions entry that matched, or the NotActions entry that removed the operation, or the deny's entry.</summary>
    public string? Pattern { get; init; }
    /// <summary>The group the principal holds the assignment through (null when assigned directly).</summary>
    public string? ViaGroupId { get; init; }
    public string? ViaGroupName { get; init; }
    /// <summary>The ABAC condition that makes a grant conditional.</summary>
    public string? Condition { get; init; }
    public string? DenyAssignmentId { get; init; }
    public string? DenyAssignmentName { get; init; }
    /// <summary>For an activity's operation checked elsewhere: the <see cref="AmlRbac.Catalog.CheckLocation"/> name (Subscription, VirtualNetwork...).</summary>
    public string? CheckedAt { get; init; }
}
