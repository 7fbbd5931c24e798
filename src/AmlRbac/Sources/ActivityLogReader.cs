using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads Azure Activity Log records from the files admins already have, into <see cref="ActivityRecord"/>s:
/// <list type="bullet">
/// <item>the JSON array <c>az monitor activity-log list</c> writes: the REST EventData of "Activity Logs - List"
/// (azure-rest-api-specs specification/monitor/resource-manager/Microsoft.Insights/stable/2015-04-01/activityLogs_API.json),
/// camelCase, <c>authorization {action, scope}</c>, <c>caller</c>, <c>status {value}</c>, <c>eventTimestamp</c> ([ACTLOG], [AZCLI-ACTLOG]);
/// one REST page <c>{"value": [...]}</c> is read too;</item>
/// <item><c>Get-AzActivityLog | ConvertTo-Json</c>: Az.Monitor's PSEventData, PascalCase, <c>Status</c> a plain string
/// and <c>EventTimestamp</c> a DateTime, which Windows PowerShell 5.1 writes as <c>"\/Date(ms)\/"</c> ([AZPS-MONITOR]);</item>
/// <item>a Log Analytics <c>AzureActivity</c> export, JSON or CSV: <c>Authorization_d</c> (or the string column
/// <c>Authorization</c>) holding the same <c>action</c> and <c>scope</c>, <c>Caller</c>, <c>ActivityStatusValue</c>
/// (Success, Start ...), <c>_ResourceId</c>, <c>TimeGenerated</c> (the portal's CSV header adds the time zone in brackets after the name) ([AZACT]).</item>
/// </list>
/// Property names are matched ignoring case, as the shapes differ only by case where they share a name. A record with
/// no authorization (an event of another category) is kept with no action; a value that cannot be read fails the whole
/// read with <see cref="ErrorIds.ActivityLogInvalid"/> naming the file, the record and the value.
/// </summary>
public static class ActivityLogReader
{
    private const string AzCli = "az monitor activity-log list";
    private const string AzPowerShell = "Get-AzActivityLog";
    private const string LogAnalyticsJson = "AzureActivity (JSON)";
    private const string LogAnalyticsCsv = "AzureActivity (CSV)";

    private static readonly string[] TimeNames = { "eventTimestamp", "TimeGenerated" };
    private static readonly string[] AuthorizationNames = { "authorization", "Authorization_d" };
    private static readonly string[] ResourceNames = { "resourceId", "_ResourceId", "ResourceId" };

    // The portal's "Export to CSV" writes times in the browser's format; these are the en-US ones it uses by default.
    private static readonly string[] PortalTimeFormats = { "M/d/yyyy, h:mm:ss.fff tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy h:mm:ss.fff tt", "M/d/yyyy h:mm:ss tt" };

    /// <summary>Reads the file at <paramref name="path"/>; ActivityLogNotFound when it cannot be read.</summary>
    public static ActivityLog Read(string path) =>
        Parse(FileInput.ReadAllText(path, ErrorIds.ActivityLogNotFound, "Activity log"), path);

    /// <summary>Reads an activity log from its text; <paramref name="source"/> names it in messages.</summary>
    public static ActivityLog Parse(string text, string source)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0)
        {
            throw Invalid(source, "is empty: expected the JSON of az monitor activity-log list or Get-AzActivityLog, or an AzureActivity export (JSON or CSV).");
        }
        return trimmed[0] is '[' or '{' ? ParseJson(trimmed, source) : ParseCsv(trimmed, source);
    }

    private static ActivityLog ParseJson(string text, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && Find(root, "value") is { ValueKind: JsonValueKind.Array } page ? page
                : root.ValueKind == JsonValueKind.Object ? (JsonElement?)null
                : throw Invalid(source, "is neither a JSON array of records nor an object.");
            var elements = items is { } array ? array.EnumerateArray().ToList() : new List<JsonElement> { root };
            var shape = elements.Count > 0 ? JsonShape(elements[0]) : AzCli;
            return Build(source, shape, elements.Select((e, i) => ReadRecord(e, i + 1, source)).ToList());
        }
    }

    private static ActivityLog ParseCsv(string text, string source)
    {
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            rows = CsvRows.Parse(text);
        }
        catch (FormatException e)
        {
            throw Invalid(source, $"is not CSV: {e.Message}.");
        }
        var header = rows[0].Select(ColumnName).ToList();
        if (!header.Any(h => TimeNames.Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            throw Invalid(source, $"is neither JSON nor a CSV export of the AzureActivity table: its first line has no TimeGenerated column ({Shorten(string.Join(",", header))}).");
        }
        var records = new List<ActivityRecord>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != header.Count)
            {
                throw Invalid(source, $"record {r} (row {r + 1} of the file, the header first) has {row.Count} fields; the header has {header.Count}.");
            }
            // A row becomes the JSON object the JSON export would hold, so that both are read by one record reader;
            // cells holding JSON objects (Authorization_d, Authorization) become objects.
            var json = new JsonObject();
            for (var c = 0; c < header.Count; c++)
            {
                json[header[c]] = CellNode(row[c]);
            }
            using var document = JsonDocument.Parse(json.ToJsonString());
            records.Add(ReadRecord(document.RootElement, r, source));
        }
        return Build(source, LogAnalyticsCsv, records);
    }

    // The portal's export names a time column with its time zone after it in brackets; the column is the same one.
    private static string ColumnName(string header)
    {
        var name = header.Trim();
        var bracket = name.IndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 && name.EndsWith(']') ? name[..bracket] : name;
    }

    private static JsonNode? CellNode(string cell)
    {
        var text = cell.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // Not JSON after all: kept as text.
            }
        }
        return JsonValue.Create(cell);
    }

    private static ActivityLog Build(string source, string shape, List<ActivityRecord> records) => records.Count == 0
        ? throw Invalid(source, "holds no record: there is no window to judge use over.")
        : new ActivityLog { Source = source, Shape = shape, Records = records };

    // The shapes differ in names only: AzureActivity's columns, PSEventData's PascalCase, az's camelCase.
    private static string JsonShape(JsonElement first)
    {
        if (first.ValueKind != JsonValueKind.Object)
        {
            return AzCli;
        }
        var names = first.EnumerateObject().Select(p => p.Name).ToList();
        return names.Any(n => n is "TimeGenerated" or "Authorization_d" or "ActivityStatusValue" or "_ResourceId") ? LogAnalyticsJson
            : names.Contains("EventTimestamp") ? AzPowerShell
            : AzCli;
    }

    private static ActivityRecord ReadRecord(JsonElement item, int number, string source)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"record {number} is a JSON {item.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }
        var authorization = Authorization(item, number, source);
        var timeText = TimeNames.Select(n => Text(Find(item, n))).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? throw Invalid(source, $"record {number} has no eventTimestamp (TimeGenerated in AzureActivity): every record of the activity log has its time.");
        var scope = Text(Find(authorization, "scope")) ?? ResourceNames.Select(n => Text(Find(item, n))).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        var action = Text(Find(authorization, "action"));
        if (action is not null && scope is not null && !Scope.TryParse(scope, out _, out var error))
        {
            throw Invalid(source, $"record {number}: authorization.scope '{scope}' is not a scope: {error}");
        }
        return new ActivityRecord
        {
            Number = number,
            Time = ParseTime(timeText, number, source),
            Action = string.IsNullOrWhiteSpace(action) ? null : action.Trim(),
            Scope = string.IsNullOrWhiteSpace(scope) ? null : scope.Trim(),
            Caller = Text(Find(item, "caller")) is { Length: > 0 } caller ? caller.Trim() : null,
            Status = Text(Find(item, "status")) ?? Text(Find(item, "ActivityStatusValue")) ?? Text(Find(item, "ActivityStatus")),
        };
    }

    // authorization (az, Get-AzActivityLog), Authorization_d (AzureActivity), or the AzureActivity string column
    // Authorization, whose text is the same object.
    private static JsonElement? Authorization(JsonElement item, int number, string source)
    {
        foreach (var name in AuthorizationNames)
        {
            switch (Find(item, name))
            {
                case { ValueKind: JsonValueKind.Object } found:
                    return found;
                case { ValueKind: JsonValueKind.String } text when text.GetString() is { Length: > 0 } json:
                    try
                    {
                        using var document = JsonDocument.Parse(json);
                        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
                    }
                    catch (JsonException e)
                    {
                        throw Invalid(source, $"record {number}: {name} '{Shorten(json)}' is not a JSON object: {e.Message}");
                    }
            }
        }
        return null;
    }

    private static DateTimeOffset ParseTime(string text, int number, string source)
    {
        var value = text.Trim();
        // Windows PowerShell 5.1's ConvertTo-Json writes a DateTime as "\/Date(1733558400000)\/" (ms since 1970, UTC).
        if (value.StartsWith("/Date(", StringComparison.Ordinal) && value.EndsWith(")/", StringComparison.Ordinal)
            && long.TryParse(value[6..^2].Split('+', '-')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || DateTimeOffset.TryParseExact(value, PortalTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return time.ToUniversalTime();
        }
        throw Invalid(source, $"record {number}: the time '{Shorten(value)}' is not a date and time (expected ISO 8601, such as 2026-12-01T09:30:00Z).");
    }

    private static JsonElement? Find(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return null;
        }
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    // A string, or the invariant "value" of a localizable string ({"value": "Succeeded", "localizedValue": ...}).
    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o => Text(Find(o, "value")),
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static AmlRbacException Invalid(string source, string problem) =>
        new(ErrorIds.ActivityLogInvalid, FailureCategory.InvalidData, $"Activity log '{source}' {problem}", source);
}
