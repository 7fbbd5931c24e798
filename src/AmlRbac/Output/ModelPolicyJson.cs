using System.Text.Json;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An authored model guardrail or posture initiative as JSON for tools ('amlrbac policy new --format json'). The property names are a
/// contract: extend, never rename.
/// </summary>
/// <remarks>
/// { "name", "id", "scope", "policyDefinitionId", "parameters": { "name": { "value": ... } } (the file
/// New-AzPolicyAssignment -PolicyParameter and az policy assignment create --params take), "assignment": { the body
/// of PUT {id} }, "definitionId" and "definition": { the body of PUT {definitionId} } for the custom allow-list only,
/// "warnings": [ ... ] }.
/// </remarks>
public static class ModelPolicyJson
{
    public static string Serialize(AuthoredPolicy policy) => JsonOutput.Build(w =>
    {
        var assignment = policy.Assignment;
        w.WriteStartObject();
        w.WriteString("name", assignment.Name);
        w.WriteString("id", assignment.Id);
        w.WriteString("scope", assignment.Scope.Value);
        w.WriteString("policyDefinitionId", assignment.PolicyDefinitionId);
        w.WritePropertyName("parameters");
        Raw(w, assignment.ParametersJson);
        w.WritePropertyName("assignment");
        Raw(w, assignment.AssignmentJson);
        if (policy.Definition is { } definition)
        {
            w.WriteString("definitionId", definition.Id);
            w.WritePropertyName("definition");
            Raw(w, definition.DefinitionJson);
        }
        w.WriteStrings("warnings", policy.Warnings);
        w.WriteEndObject();
    });

    // The drafts are JSON already; copied node by node so the whole document is indented as one.
    private static void Raw(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.WriteTo(writer);
    }
}
