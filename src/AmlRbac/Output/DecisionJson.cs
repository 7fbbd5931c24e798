using System.Text.Json;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Output;

/// <summary>
/// Decisions as JSON for tools: the CLI's --format json and anything that reads it. The property names
/// and enum texts are a contract other tools rely on: extend, never rename. A property whose value is
/// null is left out; lists are always written, empty when there is nothing.
/// </summary>
/// <remarks>
/// A decision: { "decision", "principalId", "principalName", "principalType", "roleName", "action",
/// "scope", "isDataAction", "reasons": [ { "kind", "assignmentId", "roleDefinitionId", "roleName",
/// "scope", "pattern", "viaGroupId", "viaGroupName", "condition", "denyAssignmentId",
/// "denyAssignmentName" } ], "wouldBeGrantedBy": [ { "roleDefinitionId", "roleName",
/// "grantedOperationCount" } ] }. An activity: { "activity", "displayName", "decision", "principalId",
/// "principalName", "roleName", "scope", "operations": [ decisions ], "wouldBeGrantedBy": [ ... ] }.
/// A model deployment is an activity whose "decision" is RBAC and Azure Policy combined, with after "scope":
/// "model", "rbacDecision", "policyDecision", "decidedBy" ("Rbac" or "Policy") and "reasons": one per policy
/// assignment that applies, { "kind", "scope", "layer": "Policy", "policyAssignmentId", "policyAssignmentName",
/// "policyDefinitionId", "policyDefinitionReferenceId", "effect", "ruleClause", "ruleDetail", "explanation",
/// "exemptionId", "exemptionName", "notes": [ ... ] }. RBAC reasons carry no "layer": absent means Rbac. An answer of a
/// recursive listing has after "scope" a "resource": { "id", "kind" (Workspace, Registry, Compute), "name" }
/// (docs/REACH.md).
/// </remarks>
public static class DecisionJson
{
    /// <summary>
    /// Written for terminals and files, not for HTML pages: role names keep their apostrophes and
    /// conditions their quotes instead of \u0027 escapes.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = JsonOutput.Options;

    public static string Serialize(Decision decision) => JsonOutput.Build(w => Write(w, decision));

    public static string Serialize(ActivityDecision decision) => JsonOutput.Build(w => Write(w, decision));

    /// <summary>One answer as an object: a decision, or an activity.</summary>
    public static string Serialize(PermissionAnswer answer) => JsonOutput.Build(w => Write(w, answer));

    /// <summary>Several answers as an array (effective access, who-can).</summary>
    public static string Serialize(IEnumerable<PermissionAnswer> answers) => JsonOutput.Build(w =>
    {
        w.WriteStartArray();
        foreach (var answer in answers)
        {
            Write(w, answer);
        }
        w.WriteEndArray();
    });

    public static void Write(Utf8JsonWriter writer, PermissionAnswer answer)
    {
        if (answer.Operation is { } operation)
        {
            Write(writer, operation, answer.PrincipalName, answer.PrincipalType, answer.Resource);
        }
        else
        {
            Write(writer, answer.Activity!, answer.PrincipalName, answer.WouldBeGrantedBy, answer.Deployment is null ? null : answer, answer.Resource);
        }
    }

    /// <summary>A decision; the principal's name and type when the host knows them.</summary>
    public static void Write(Utf8JsonWriter writer, Decision decision, string? principalName = null, PrincipalType? principalType = null) =>
        Write(writer, decision, principalName, principalType, resource: null);

    private static void Write(Utf8JsonWriter writer, Decision decision, string? principalName, PrincipalType? principalType, AmlResource? resource)
    {
        writer.WriteStartObject();
        writer.WriteString("decision", decision.Outcome.ToString());
        writer.WriteStringIfSet("principalId", decision.PrincipalId);
        writer.WriteStringIfSet("principalName", principalName);
        writer.WriteStringIfSet("principalType", principalType?.ToString());
        writer.WriteStringIfSet("roleName", decision.RoleName);
        writer.WriteString("action", decision.Action);
        writer.WriteStringIfSet("scope", decision.Scope);
        WriteResource(writer, resource);
        writer.WriteBoolean("isDataAction", decision.IsDataAction);
        writer.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            Write(writer, reason);
        }
        writer.WriteEndArray();
        WriteSuggestions(writer, decision.WouldBeGrantedBy);
        writer.WriteEndObject();
    }

    /// <summary>
    /// An activity with one decision per required operation. <paramref name="wouldBeGrantedBy"/>: the
    /// roles that grant every missing operation, as <see cref="PermissionAnswer.WouldBeGrantedBy"/> finds them.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ActivityDecision decision, string? principalName = null,
        IReadOnlyList<RoleSuggestion>? wouldBeGrantedBy = null)
        => Write(writer, decision, principalName, wouldBeGrantedBy, deploymentAnswer: null, resource: null);

    private static void Write(Utf8JsonWriter writer, ActivityDecision decision, string? principalName,
        IReadOnlyList<RoleSuggestion>? wouldBeGrantedBy, PermissionAnswer? deploymentAnswer, AmlResource? resource)
    {
        var deployment = deploymentAnswer?.Deployment;
        writer.WriteStartObject();
        writer.WriteString("activity", decision.Activity.Name);
        writer.WriteString("displayName", decision.Activity.DisplayName);
        writer.WriteString("decision", (deploymentAnswer?.Outcome ?? decision.Outcome).ToString());
        writer.WriteStringIfSet("principalId", decision.PrincipalId);
        writer.WriteStringIfSet("principalName", principalName);
        writer.WriteStringIfSet("roleName", decision.RoleName);
        writer.WriteStringIfSet("scope", decision.Scope);
        WriteResource(writer, resource);
        if (deployment is not null)
        {
            writer.WriteString("model", deployment.Model.AssetId);
            writer.WriteString("rbacDecision", deployment.RbacOutcome.ToString());
            writer.WriteString("policyDecision", deployment.Policy.Outcome.ToString());
            writer.WriteString("decidedBy", deployment.DecidedBy.ToString());
            writer.WriteStartArray("reasons");
            foreach (var reason in deployment.PolicyReasons)
            {
                Write(writer, reason);
            }
            writer.WriteEndArray();
        }
        writer.WriteStartArray("operations");
        foreach (var operation in decision.Operations)
        {
            Write(writer, operation);
        }
        writer.WriteEndArray();
        WriteSuggestions(writer, wouldBeGrantedBy ?? PermissionAnswer.ForActivity(decision).WouldBeGrantedBy);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Reason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", reason.Kind.ToString());
        writer.WriteStringIfSet("assignmentId", reason.AssignmentId);
        writer.WriteStringIfSet("roleDefinitionId", reason.RoleDefinitionId);
        writer.WriteStringIfSet("roleName", reason.RoleName);
        writer.WriteStringIfSet("scope", reason.Scope);
        writer.WriteStringIfSet("pattern", reason.Pattern);
        writer.WriteStringIfSet("viaGroupId", reason.ViaGroupId);
        writer.WriteStringIfSet("viaGroupName", reason.ViaGroupName);
        writer.WriteStringIfSet("condition", reason.Condition);
        writer.WriteStringIfSet("denyAssignmentId", reason.DenyAssignmentId);
        writer.WriteStringIfSet("denyAssignmentName", reason.DenyAssignmentName);
        writer.WriteStringIfSet("checkedAt", reason.CheckedAt);
        writer.WriteEndObject();
    }

    /// <summary>A policy reason: its kind, scope and layer, then the policy evidence; nulls left out, as for an RBAC reason.</summary>
    public static void Write(Utf8JsonWriter writer, PolicyReason reason)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", reason.Kind.ToString());
        writer.WriteStringIfSet("scope", reason.Scope);
        writer.WriteString("layer", reason.Layer.ToString());
        writer.WriteStringIfSet("policyAssignmentId", reason.PolicyAssignmentId);
        writer.WriteStringIfSet("policyAssignmentName", reason.PolicyAssignmentName);
        writer.WriteStringIfSet("policyDefinitionId", reason.PolicyDefinitionId);
        writer.WriteStringIfSet("policyDefinitionReferenceId", reason.PolicyDefinitionReferenceId);
        writer.WriteStringIfSet("effect", reason.Effect);
        writer.WriteStringIfSet("ruleClause", reason.RuleClause);
        writer.WriteStringIfSet("ruleDetail", reason.RuleDetail);
        writer.WriteStringIfSet("explanation", reason.Explanation);
        writer.WriteStringIfSet("exemptionId", reason.ExemptionId);
        writer.WriteStringIfSet("exemptionName", reason.ExemptionName);
        writer.WriteStrings("notes", reason.Notes);
        writer.WriteEndObject();
    }

    // A recursive listing's resource: { "id", "kind", "name" }; absent from every other answer.
    private static void WriteResource(Utf8JsonWriter writer, AmlResource? resource)
    {
        if (resource is null)
        {
            return;
        }
        writer.WriteStartObject("resource");
        writer.WriteString("id", resource.Id);
        writer.WriteString("kind", resource.Kind.ToString());
        writer.WriteString("name", resource.Name);
        writer.WriteEndObject();
    }

    private static void WriteSuggestions(Utf8JsonWriter writer, IReadOnlyList<RoleSuggestion> suggestions)
    {
        writer.WriteStartArray("wouldBeGrantedBy");
        foreach (var suggestion in suggestions)
        {
            writer.WriteStartObject();
            writer.WriteString("roleDefinitionId", suggestion.RoleDefinitionId);
            writer.WriteString("roleName", suggestion.RoleName);
            writer.WriteNumber("grantedOperationCount", suggestion.GrantedOperationCount);
            writer.WriteBoolean("grantsOutsideCatalog", suggestion.GrantsOutsideCatalog);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
