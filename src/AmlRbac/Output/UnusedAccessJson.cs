using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.Output;

/// <summary>
/// amlrbac unused --format json. Property names are a contract (docs/UNUSED.md):
/// { "activityLog", "shape", "snapshot"?, "window": { "from", "to" }, "records", "performed", "toNarrow", "limits": [],
///   "assignments": [ assignment ], "unmatchedCallers": [ { "caller", "records" } ],
///   "unexplained": [ { "caller", "principalId", "operation", "scope", "records", "why" } ] }.
/// An assignment: { "assignmentId", "principalId", "principalName"?, "principalType", "roleDefinitionId", "roleName"?, "scope",
///   "eligible", "condition"?, "recommendation", "why", "used": [ { "operation", "records", "first", "last", "callers": [],
///   "alsoGrantedBy": [] } ], "neverUsed": [], "unloggedReads", "unloggedDataActions", "reachesBeyondCatalog",
///   "replacement"? (the role file, Permissions shape), "proof"? (as amlrbac role compare writes it), "coversUsed"? }.
/// </summary>
public static class UnusedAccessJson
{
    public static string Write(UnusedAccessReport report) => JsonOutput.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("activityLog", report.ActivityLog);
        w.WriteString("shape", report.Shape);
        w.WriteStringIfSet("snapshot", report.Snapshot);
        w.WriteStartObject("window");
        w.WriteString("from", Time(report.From));
        w.WriteString("to", Time(report.To));
        w.WriteEndObject();
        w.WriteNumber("records", report.Records);
        w.WriteNumber("performed", report.Performed);
        w.WriteBoolean("toNarrow", report.HasAccessToNarrow);
        w.WriteStrings("limits", report.Limits);
        w.WriteArray("assignments", report.Assignments, WriteAssignment);
        w.WriteArray("unmatchedCallers", report.UnmatchedCallers, (w, m) =>
        {
            w.WriteStartObject();
            w.WriteString("caller", m.Caller);
            w.WriteNumber("records", m.Records);
            w.WriteEndObject();
        });
        w.WriteArray("unexplained", report.Unexplained, (w, u) =>
        {
            w.WriteStartObject();
            w.WriteString("caller", u.Caller);
            w.WriteString("principalId", u.PrincipalId);
            w.WriteString("operation", u.Operation);
            w.WriteString("scope", u.Scope);
            w.WriteNumber("records", u.Records);
            w.WriteString("why", u.Why);
            w.WriteEndObject();
        });
        w.WriteEndObject();
    });

    /// <summary>An ISO 8601 UTC time, as the activity log writes them.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void WriteAssignment(Utf8JsonWriter w, AssignmentUse use)
    {
        var a = use.Assignment;
        w.WriteStartObject();
        w.WriteString("assignmentId", a.Id);
        w.WriteString("principalId", a.PrincipalId);
        w.WriteStringIfSet("principalName", use.PrincipalName);
        w.WriteString("principalType", a.PrincipalType.ToString());
        w.WriteString("roleDefinitionId", a.RoleDefinitionId);
        w.WriteStringIfSet("roleName", use.RoleName);
        w.WriteString("scope", a.Scope);
        w.WriteBoolean("eligible", a.IsEligible);
        w.WriteStringIfSet("condition", a.Condition);
        w.WriteString("recommendation", use.Recommendation.ToString());
        w.WriteString("why", use.Why);
        w.WriteArray("used", use.Used, (w, u) =>
        {
            w.WriteStartObject();
            w.WriteString("operation", u.Operation);
            w.WriteNumber("records", u.Records);
            w.WriteString("first", Time(u.First));
            w.WriteString("last", Time(u.Last));
            w.WriteStrings("callers", u.Callers);
            w.WriteStrings("alsoGrantedBy", u.AlsoGrantedBy);
            w.WriteEndObject();
        });
        w.WriteStrings("neverUsed", use.NeverUsed);
        w.WriteNumber("unloggedReads", use.UnloggedReads);
        w.WriteNumber("unloggedDataActions", use.UnloggedDataActions);
        w.WriteBoolean("reachesBeyondCatalog", use.ReachesBeyondCatalog);
        if (use.Replacement is { } replacement)
        {
            w.WritePropertyName("replacement");
            w.WriteRawValue(RoleDefinitionJson.Write(replacement, RoleShape.Permissions));
        }
        if (use.Proof is { } proof)
        {
            w.WritePropertyName("proof");
            w.WriteRawValue(RoleReportJson.Comparison(proof));
            w.WriteBoolean("coversUsed", use.CoversUsed);
        }
        w.WriteEndObject();
    }
}
