using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Output;

/// <summary>
/// A posture report as JSON for tools (amlrbac posture --format json; docs/POSTURE.md). The property names and the
/// result texts are a contract: extend, never rename. Null values are left out; lists are always written.
/// </summary>
/// <remarks>
/// { "scope", "source", "workspaces": [ { "id", "name", "rules": [ { "id", "name", "severity", "result", "evidence",
/// "source", "policyDefinitionId", "policyDefinitionName", "changeAction",
/// "canChange": [ { "principalId", "displayName", "principalType", "decision" } ] } ] } ] }
/// </remarks>
public static class PostureJson
{
    public static string Serialize(PostureReport report) => JsonOutput.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("scope", report.Scope);
        writer.WriteStringIfSet("source", report.Source);
        writer.WriteArray("workspaces", report.Workspaces, (w, workspace) =>
        {
            w.WriteStartObject();
            w.WriteString("id", workspace.Id);
            w.WriteString("name", workspace.Name);
            w.WriteArray("rules", workspace.Rules, WriteRule);
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    });

    private static void WriteRule(System.Text.Json.Utf8JsonWriter writer, RulePosture rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Rule.Id);
        writer.WriteString("name", rule.Rule.Name);
        writer.WriteString("severity", rule.Rule.Severity.ToString());
        writer.WriteString("result", rule.Result.ToString());
        writer.WriteString("evidence", rule.Evidence);
        writer.WriteString("source", rule.Rule.Source);
        writer.WriteStringIfSet("policyDefinitionId", rule.Rule.PolicyDefinitionId);
        writer.WriteStringIfSet("policyDefinitionName", rule.Rule.PolicyDefinitionName);
        writer.WriteString("changeAction", rule.Rule.ChangeAction);
        writer.WriteArray("canChange", rule.CanChange, WriteHolder);
        writer.WriteEndObject();
    }

    private static void WriteHolder(System.Text.Json.Utf8JsonWriter writer, AccessHolder holder)
    {
        writer.WriteStartObject();
        writer.WriteString("principalId", holder.PrincipalId);
        writer.WriteStringIfSet("displayName", holder.DisplayName);
        writer.WriteStringIfSet("principalType", holder.PrincipalType == PrincipalType.Unknown ? null : holder.PrincipalType.ToString());
        writer.WriteString("decision", holder.Decision.Outcome.ToString());
        writer.WriteEndObject();
    }
}
