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
/// What a person reads in a CSV or JSON file is names and sentences: the outcomes are strings (ConvertTo-Json
/// writes an enum as a number; -eq 'Allowed' compares the same), the lists are <see cref="ReadableList{T}"/> and
/// every nested object reads as a sentence (its ToString), so a file holds no type names.
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
    /// <summary>Allowed, NotGranted, Denied, Conditional, Eligible or Unknown (the names of <see cref="Outcome"/>).</summary>
    public string Decision { get; init; } = string.Empty;
    /// <summary>The role that granted it, or whose NotActions removed it; for Denied, the deny assignment.</summary>
    public string? GrantedBy { get; init; }
    /// <summary>The scope of that role assignment or deny assignment.</summary>
    public string? GrantScope { get; init; }
    /// <summary>The group the principal holds the assignment through; empty when assigned directly.</summary>
    public string? ViaGroup { get; init; }
    /// <summary>The ABAC condition a Conditional answer depends on.</summary>
    public string? Condition { get; init; }
    public ReadableList<AmlReason> Reasons { get; init; } = new();
    /// <summary>Built-in roles that would grant it, narrowest first.</summary>
    public ReadableList<string> WouldBeGrantedBy { get; init; } = new();
    /// <summary>The decision in sentences.</summary>
    public ReadableList<string> Explanation { get; init; } = new();
    /// <summary>For an activity: one decision per required operation.</summary>
    public ReadableList<AmlPermissionDecision> Operations { get; init; } = new();
    /// <summary>For an activity: the required operations that are not allowed.</summary>
    public ReadableList<string> MissingActions { get; init; } = new();
    /// <summary>For a model deployment: the model asset id asked about.</summary>
    public string? Model { get; init; }
    /// <summary>For a model deployment: what RBAC alone answers.</summary>
    public string? RbacDecision { get; init; }
    /// <summary>For a model deployment: what Azure Policy answers (Allowed, Denied, Unknown).</summary>
    public string? PolicyDecision { get; init; }
    /// <summary>For a model deployment: Rbac or Policy, the layer that settled Decision.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>For a model deployment: one reason per policy assignment that applies to the workspace.</summary>
    public ReadableList<AmlPolicyReason> PolicyReasons { get; init; } = new();
    /// <summary>With -Recurse: the resource id of the workspace, registry or compute the decision is about.</summary>
    public string? Resource { get; init; }
    /// <summary>With -Recurse: Workspace, Registry or Compute.</summary>
    public string? ResourceKind { get; init; }
    /// <summary>With -Recurse: the resource's name.</summary>
    public string? ResourceName { get; init; }

    public static AmlPermissionDecision From(PermissionAnswer answer)
    {
        var deciding = answer.DecidingReason;
        var policy = answer.DecidingPolicyReason;
        var common = new AmlPermissionDecision
        {
            PrincipalName = answer.PrincipalName,
            PrincipalType = answer.PrincipalType?.ToString(),
            Decision = answer.Outcome.ToString(),
            GrantedBy = deciding?.RoleName ?? deciding?.DenyAssignmentName ?? deciding?.DenyAssignmentId ?? deciding?.RoleDefinitionId
                ?? policy?.PolicyAssignmentName,
            GrantScope = deciding?.Scope ?? policy?.Scope,
            ViaGroup = deciding?.ViaGroupName ?? deciding?.ViaGroupId,
            Condition = deciding?.Condition,
            WouldBeGrantedBy = ReadableList.Of(answer.WouldBeGrantedBy, s => s.RoleName),
            Resource = answer.Resource?.Id,
            ResourceKind = answer.Resource?.Kind.ToString(),
            ResourceName = answer.Resource?.Name,
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
                Reasons = ReadableList.Of(operation.Reasons, r => AmlReason.From(r, operation.IsDataAction)),
                Explanation = ReadableList.Of(DecisionText.Explain(operation)),
            };
        }
        var activity = answer.Activity!;
        return common with
        {
            PrincipalId = activity.PrincipalId,
            RoleName = activity.RoleName,
            Activity = activity.Activity.Name,
            Scope = activity.Scope,
            Reasons = answer.DecidingOperation is { } decidingOperation
                ? ReadableList.Of(decidingOperation.Reasons, r => AmlReason.From(r, decidingOperation.IsDataAction))
                : new ReadableList<AmlReason>(),
            Explanation = ReadableList.Of(DecisionText.Explain(answer)),
            Operations = ReadableList.Of(activity.Operations, d => From(PermissionAnswer.ForOperation(d, answer.PrincipalName))),
            MissingActions = ReadableList.Of(activity.Missing, d => d.Action),
            Model = answer.Deployment?.Model.AssetId,
            RbacDecision = answer.Deployment?.RbacOutcome.ToString(),
            PolicyDecision = answer.Deployment?.Policy.Outcome.ToString(),
            DecidedBy = answer.Deployment?.DecidedBy.ToString(),
            PolicyReasons = ReadableList.Of(answer.Deployment?.PolicyReasons ?? Array.Empty<PolicyReason>(), AmlPolicyReason.From),
        };
    }

    /// <summary>
    /// "NotGranted Microsoft.MachineLearningServices/workspaces/computes/write": how a decision nested in another
    /// (an activity's Operations) reads in Format-List, Export-Csv and a ConvertTo-Json cut at its depth.
    /// </summary>
    public override string ToString() => $"{Decision} {Action ?? Activity}{(Model is null ? string.Empty : " " + Model)}";
}
