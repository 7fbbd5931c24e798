using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a <see cref="PolicyState"/> as the four policy sections of a snapshot, in the ARM shapes
/// <see cref="PolicySnapshotReader"/> reads, so a written snapshot keeps its guardrails. AmlRbac does not keep an
/// assignment's resourceSelectors or overrides, only that it has some; it writes one empty override, which reads
/// back as the same flag and keeps such an assignment Unknown rather than evaluated without them.
/// </summary>
public static class PolicySnapshotWriter
{
    public static void Write(Utf8JsonWriter json, PolicyState policy)
    {
        json.WriteArray("policyDefinitions", policy.Definitions, WriteDefinition);
        json.WriteArray("policySetDefinitions", policy.SetDefinitions, WriteSetDefinition);
        json.WriteArray("policyAssignments", policy.Assignments, WriteAssignment);
        json.WriteArray("policyExemptions", policy.Exemptions, WriteExemption);
    }

    private static void WriteDefinition(Utf8JsonWriter json, PolicyDefinition definition)
    {
        Start(json, definition.Id, definition.Name, "Microsoft.Authorization/policyDefinitions", definition.DisplayName);
        json.WriteString("mode", definition.Mode);
        json.WriteStringIfSet("version", definition.Version);
        json.WriteStringIfSet("policyType", definition.PolicyType);
        WriteParameterDefinitions(json, definition.Parameters);
        json.WritePropertyName("policyRule");
        definition.PolicyRule.WriteTo(json);
        End(json);
    }

    private static void WriteSetDefinition(Utf8JsonWriter json, PolicySetDefinition set)
    {
        Start(json, set.Id, set.Name, "Microsoft.Authorization/policySetDefinitions", set.DisplayName);
        WriteParameterDefinitions(json, set.Parameters);
        json.WriteStartArray("policyDefinitions");
        foreach (var member in set.Members)
        {
            json.WriteStartObject();
            json.WriteString("policyDefinitionId", member.PolicyDefinitionId);
            json.WriteString("policyDefinitionReferenceId", member.PolicyDefinitionReferenceId);
            json.WritePropertyName("parameters");
            PolicyJsonWriter.WriteParameterValues(json, member.Parameters);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        End(json);
    }

    private static void WriteAssignment(Utf8JsonWriter json, PolicyAssignment assignment)
    {
        Start(json, assignment.Id, assignment.Name, "Microsoft.Authorization/policyAssignments", assignment.DisplayName);
        json.WriteString("policyDefinitionId", assignment.PolicyDefinitionId);
        json.WriteString("scope", assignment.Scope.Value);
        json.WriteStrings("notScopes", assignment.NotScopes.Select(s => s.Value));
        json.WritePropertyName("parameters");
        PolicyJsonWriter.WriteParameterValues(json, assignment.Parameters);
        json.WriteString("enforcementMode", assignment.EnforcementMode.ToString());
        if (assignment.HasSelectorsOrOverrides)
        {
            json.WriteStartArray("overrides");
            json.WriteStartObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        End(json);
    }

    private static void WriteExemption(Utf8JsonWriter json, PolicyExemption exemption)
    {
        Start(json, exemption.Id, exemption.Name, "Microsoft.Authorization/policyExemptions", exemption.DisplayName);
        json.WriteString("policyAssignmentId", exemption.PolicyAssignmentId);
        json.WriteString("exemptionCategory", exemption.Category.ToString());
        if (exemption.ExpiresOn is { } expires)
        {
            json.WriteString("expiresOn", expires.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture));
        }
        json.WriteStrings("policyDefinitionReferenceIds", exemption.PolicyDefinitionReferenceIds);
        End(json);
    }

    private static void WriteParameterDefinitions(Utf8JsonWriter json, IReadOnlyDictionary<string, PolicyParameterDefinition> parameters)
    {
        json.WriteStartObject("parameters");
        foreach (var parameter in parameters.Values)
        {
            json.WriteStartObject(parameter.Name);
            json.WriteString("type", parameter.Type);
            if (parameter.HasDefaultValue)
            {
                json.WritePropertyName("defaultValue");
                PolicyJsonWriter.WriteValue(json, parameter.DefaultValue);
            }
            if (parameter.AllowedValues is { } allowed)
            {
                json.WritePropertyName("allowedValues");
                PolicyJsonWriter.WriteValue(json, allowed);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Start(Utf8JsonWriter json, string id, string name, string type, string? displayName)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        json.WriteString("type", type);
        json.WriteStartObject("properties");
        json.WriteStringIfSet("displayName", displayName);
    }

    private static void End(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
