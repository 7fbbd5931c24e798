using System.Globalization;
using System.Text.Json;
using AmlRbac.Formatting;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>
/// A run as JSON for tools (amlrbac workspace-identity --format json). The property names and the status
/// texts are a contract: extend, never rename. Null values are left out; lists are always written.
/// </summary>
/// <remarks>
/// { "workspaces": [ { "workspaceId", "principalId", "role", "createdAt", "beforeRoles", "afterRoles",
/// "lostOperations", "gainedOperations", "steps", "status", "reason", "errorId" } ],
/// "summary": { "total", "converted", "alreadyConverted", "planned", "pending", "failed" } }
/// </remarks>
public static class ConversionJson
{
    public static string Serialize(IReadOnlyList<WorkspaceConversion> conversions, ConversionSummary summary) => DecisionJson.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("workspaces");
        foreach (var conversion in conversions)
        {
            Write(writer, conversion);
        }
        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("total", summary.Total);
        foreach (var status in Enum.GetValues<ConversionStatus>())
        {
            writer.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), summary[status]);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void Write(Utf8JsonWriter writer, WorkspaceConversion conversion)
    {
        writer.WriteStartObject();
        writer.WriteString("workspaceId", conversion.WorkspaceId);
        DecisionJson.WriteIfSet(writer, "principalId", conversion.PrincipalId);
        writer.WriteString("role", conversion.Role.ToString());
        DecisionJson.WriteIfSet(writer, "createdAt", conversion.CreatedAt?.ToString("O", CultureInfo.InvariantCulture));
        List(writer, "beforeRoles", conversion.BeforeRoles);
        List(writer, "afterRoles", conversion.AfterRoles);
        List(writer, "lostOperations", conversion.LostOperations);
        List(writer, "gainedOperations", conversion.GainedOperations);
        List(writer, "steps", conversion.Steps);
        writer.WriteString("status", conversion.Status.ToString());
        DecisionJson.WriteIfSet(writer, "reason", conversion.Reason);
        DecisionJson.WriteIfSet(writer, "errorId", conversion.ErrorId);
        writer.WriteEndObject();
    }

    private static void List(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
