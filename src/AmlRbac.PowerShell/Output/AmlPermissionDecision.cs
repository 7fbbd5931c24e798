using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One decision as PowerShell shows it: about one operation (Action) or one catalog activity
/// (Activity), for a principal at a scope or for a role alone. Written by Test-AmlPermission -Detailed
/// and Get-AmlEffectiveAccess. The property names are a contract: scripts filter and sort on them.
/// </summary>
public sealed record AmlPermissionDecision
{
    public string? PrincipalId { get; init; }
    public string? PrincipalName { get; init; }
    /// <summary>User, Group, ServicePrincipal ...: known for who-can answers.</summary>
    public string? PrincipalType { get; init; }
    /// <summary>The role asked about, for a role-alone question.</summary>
    public string? RoleName { get; init; }
    /// <summary>The operation, for an answer about one operation.</summary>
    public string? Action { get; init; }
    /// <summary>The catalog activity name, for an answer about an activity.</summary>
    public string? Activity { get; init; }
    /// <summary>Where it was decided (an activity is decided at its least scope, e.g. the subscription for quota).</summary>
    public string? Scope { get; init; }
    public bool IsDataAction { get; init; }
    public Outcome Decision { get; init; }
    /// <summary>The role that granted it, or whose NotActions removed it; for Denied, the deny assignment.</summary>
    public string? GrantedBy { get; init; }
    /// <summary>The scope of that role assignment or deny assignment.</summary>
    public string? GrantScope { get; init; }
    /// <summary>The group the principal holds the assignment through; empty when assigned directly.</summary>
    public string? ViaGroup { get; init; }
    /// <summary>The ABAC condition a Conditional answer depends on.</summary>
    public string? Condition { get; init; }
    public IReadOnlyList<Reason> Reasons { get; init; } = Array.Empty<Reason>();
    /// <summary>Built-in roles that would grant it, narrowest first.</summary>
    public IReadOnlyList<string> WouldBeGrantedBy { get; init; } = Array.Empty<string>();
    /// <summary>The decision in sentences.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = Array.Empty<string>();
    /// <summary>For an activity: one decision per required operation.</summary>
    public IReadOnlyList<AmlPermissionDecision> Operations { get; init; } = Array.Empty<AmlPermissionDecision>();
    /// <summary>For an activity: the required operations that are not allowed.</summary>
    public IReadOnlyList<string> MissingActions { get; init; } = Array.Empty<string>();
    /// <summary>For a model deployment: the model asset id asked about.</summary>
    public string? Model { get; init; }
    /// <summary>For a model deployment: what RBAC alone answers.</summary>
    public Outcome? RbacDecision { get; init; }
    /// <summary>For a model deployment: what Azure Policy answers (Allowed, Denied, Unknown).</summary>
    public string? PolicyDecision { get; init; }
    /// <summary>For a model deployment: Rbac or Policy, the layer that settled Decision.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>For a model deployment: one reason per policy assignment that applies to the workspace.</summary>
    public IReadOnlyList<PolicyReason> PolicyReasons { get; init; } = Array.Empty<PolicyReason>();

    public static AmlPermissionDecision From(PermissionAnswer answer)
    {
        var deciding = answer.DecidingReason;
        var policy = answer.DecidingPolicyReason;
        var common = new AmlPermissionDecision
        {
            PrincipalName = answer.PrincipalName,
            PrincipalType = answer.PrincipalType?.ToString(),
            Decision = answer.Outcome,
            GrantedBy = deciding?.RoleName ?? deciding?.DenyAssignmentName ?? deciding?.DenyAssignmentId ?? deciding?.RoleDefinitionId
                ?? policy?.PolicyAssignmentName,
            GrantScope = deciding?.Scope ?? policy?.Scope,
            ViaGroup = deciding?.ViaGroupName ?? deciding?.ViaGroupId,
            Condition = deciding?.Condition,
            WouldBeGrantedBy = answer.WouldBeGrantedBy.Select(s => s.RoleName).ToList(),
        };
        if (answer.Operation is { } operation)
        {
            return common with
            {
                PrincipalId = operation.PrincipalId,
                RoleName = operation.RoleName,
                Action = operation.Action,
                Scope = operation.Scope,
                IsDataAction = operation.IsDataAction,
                Reasons = operation.Reasons,
                Explanation = DecisionText.Explain(operation),
            };
        }
        var activity = answer.Activity!;
        return common with
        {
            PrincipalId = activity.PrincipalId,
            RoleName = activity.RoleName,
            Activity = activity.Activity.Name,
            Scope = activity.Scope,
            Reasons = answer.DecidingOperation?.Reasons ?? Array.Empty<Reason>(),
            Explanation = DecisionText.Explain(answer),
            Operations = activity.Operations.Select(d => From(PermissionAnswer.ForOperation(d, answer.PrincipalName))).ToList(),
            MissingActions = activity.Missing.Select(d => d.Action).ToList(),
            Model = answer.Deployment?.Model.AssetId,
            RbacDecision = answer.Deployment?.RbacOutcome,
            PolicyDecision = answer.Deployment?.Policy.Outcome.ToString(),
            DecidedBy = answer.Deployment?.DecidedBy.ToString(),
            PolicyReasons = answer.Deployment?.PolicyReasons ?? Array.Empty<PolicyReason>(),
        };
    }
}
