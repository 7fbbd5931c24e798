using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An access estate as JSON (amlrbac estate --format json); the contract is docs/REACH.md: extend, never
/// rename. { "scope", "source", "directoryListed", "resources": [ { "id", "kind", "name" } ], "privileged": [ {
/// "operation", "privilegeKind", "scope", "decision": a decision as <see cref="DecisionJson"/> writes it } ],
/// "findings": [ { "kind", "assignmentId", "principalId", "principalName", "principalType", "roleDefinitionId",
/// "roleName", "scope", "isEligible", "condition", "why", "otherAssignmentId", "otherScope" } ] }.
/// </summary>
public static class EstateJson
{
    public static string Serialize(AccessEstate estate) => JsonOutput.Build(w => Write(w, estate));

    public static void Write(Utf8JsonWriter writer, AccessEstate estate)
    {
        writer.WriteStartObject();
        writer.WriteString("scope", estate.Scope);
        writer.WriteStringIfSet("source", estate.Source);
        writer.WriteBoolean("directoryListed", estate.DirectoryListed);
        writer.WriteArray("resources", estate.Resources, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("kind", r.Kind.ToString());
            w.WriteString("name", r.Name);
            w.WriteEndObject();
        });
        writer.WriteArray("privileged", estate.Privileged, (w, h) =>
        {
            w.WriteStartObject();
            w.WriteString("operation", h.Operation.Operation);
            w.WriteString("privilegeKind", h.Operation.Kind.ToString());
            w.WriteString("scope", h.Scope);
            w.WritePropertyName("decision");
            DecisionJson.Write(w, h.Answer);
            w.WriteEndObject();
        });
        writer.WriteArray("findings", estate.Findings, (w, f) =>
        {
            w.WriteStartObject();
            w.WriteString("kind", f.Kind.ToString());
            w.WriteString("assignmentId", f.Assignment.Id);
            w.WriteString("principalId", f.Assignment.PrincipalId);
            w.WriteStringIfSet("principalName", f.PrincipalName);
            w.WriteString("principalType", f.Assignment.PrincipalType.ToString());
            w.WriteString("roleDefinitionId", f.Assignment.RoleDefinitionId);
            w.WriteStringIfSet("roleName", f.RoleName);
            w.WriteString("scope", f.Assignment.Scope);
            w.WriteBoolean("isEligible", f.Assignment.IsEligible);
            w.WriteStringIfSet("condition", f.Assignment.Condition);
            w.WriteString("why", f.Why);
            w.WriteStringIfSet("otherAssignmentId", f.Other?.Id);
            w.WriteStringIfSet("otherScope", f.Other?.Scope);
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    }
}
