using AmlRbac.Output;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One RBAC reason of a decision as PowerShell shows it: the properties of the engine's <see cref="Reason"/> with
/// the same names (scripts and the shared cases match on them), the kind as its name (ConvertTo-Json writes an
/// enum as a number), and the reason in a sentence as its ToString (Format-List, Export-Csv and a nested
/// ConvertTo-Json show that), worded by <see cref="DecisionText"/> as the CLI words it.
/// </summary>
public sealed class AmlReason
{
    private readonly string _sentence;

    private AmlReason(string sentence) => _sentence = sentence;

    /// <summary>Grant, ConditionalGrant, EligibleGrant, ExcludedByNotAction, BlockedByDeny, UnresolvedRole, MembershipUnknown, CheckedElsewhere or RelatedResourceNotNamed.</summary>
    public required string Kind { get; init; }
    public string? AssignmentId { get; init; }
    public string? RoleDefinitionId { get; init; }
    public string? RoleName { get; init; }
    public string? Scope { get; init; }
    public string? Pattern { get; init; }
    public string? ViaGroupId { get; init; }
    public string? ViaGroupName { get; init; }
    public string? Condition { get; init; }
    public string? DenyAssignmentId { get; init; }
    public string? DenyAssignmentName { get; init; }
    /// <summary>For an activity's operation checked elsewhere than the scope asked: where (Subscription, VirtualNetwork...).</summary>
    public string? CheckedAt { get; init; }

    /// <param name="reason">The engine's reason.</param>
    /// <param name="isDataAction">Whether the operation is a data action: NotDataActions, not NotActions, removed it.</param>
    public static AmlReason From(Reason reason, bool isDataAction) => new(DecisionText.Sentence(reason, isDataAction))
    {
        Kind = reason.Kind.ToString(),
        AssignmentId = reason.AssignmentId,
        RoleDefinitionId = reason.RoleDefinitionId,
        RoleName = reason.RoleName,
        Scope = reason.Scope,
        Pattern = reason.Pattern,
        ViaGroupId = reason.ViaGroupId,
        ViaGroupName = reason.ViaGroupName,
        Condition = reason.Condition,
        DenyAssignmentId = reason.DenyAssignmentId,
        DenyAssignmentName = reason.DenyAssignmentName,
        CheckedAt = reason.CheckedAt,
    };

    public override string ToString() => _sentence;
}
