using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Output;

/// <summary>
/// A run as JSON for tools (amlrbac workspace-identity --format json). The property names and the status
/// texts are a contract: extend, never rename. Null values are left out; lists are always written.
/// </summary>
/// <remarks>
/// { "workspaces": [ { "workspaceId", "principalId", "role", "createdAt", "beforeRoles", "afterRoles",
/// "lostOperations", "gainedOperations", "steps", "status", "reason", "errorId" } ],
/// "summary": { "total", "converted", "alreadyConverted", "planned", "skipped", "pending", "failed" } }
/// </remarks>
public static class ConversionJson
{
    public static string Serialize(IReadOnlyList<WorkspaceConversion> conversions, ConversionSummary summary) => JsonOutput.Build(writer =>
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
        writer.WriteStringIfSet("principalId", conversion.PrincipalId);
        writer.WriteString("role", conversion.Role.ToString());
        writer.WriteStringIfSet("createdAt", conversion.CreatedAt?.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteStrings("beforeRoles", conversion.BeforeRoles);
        writer.WriteStrings("afterRoles", conversion.AfterRoles);
        writer.WriteStrings("lostOperations", conversion.LostOperations);
        writer.WriteStrings("gainedOperations", conversion.GainedOperations);
        writer.WriteStrings("steps", conversion.Steps);
        writer.WriteString("status", conversion.Status.ToString());
        writer.WriteStringIfSet("reason", conversion.Reason);
        writer.WriteStringIfSet("errorId", conversion.ErrorId);
        writer.WriteEndObject();
    }
}
