namespace AmlRbac.Model;

/// <summary>
/// One Azure Activity Log record, reduced to what tells who used which permission where and when: the
/// record schema's <c>authorization.action</c>, <c>authorization.scope</c>, <c>caller</c>, <c>status</c> and
/// <c>eventTimestamp</c> ([ACTLOG]). The same fields under other names in the other shapes (Get-AzActivityLog,
/// the Log Analytics AzureActivity table) are read into this one record by the activity log reader.
/// </summary>
public sealed record ActivityRecord
{
    /// <summary>The record's position in its file, from 1, for messages.</summary>
    public required int Number { get; init; }
    /// <summary>When the event happened (eventTimestamp, or TimeGenerated in Log Analytics), in UTC.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>The operation authorized (authorization.action), or null when the record has none (an event of another category).</summary>
    public string? Action { get; init; }
    /// <summary>Where it was authorized (authorization.scope), else the record's resource id.</summary>
    public string? Scope { get; init; }
    /// <summary>Who performed it: a user principal name for users, an object or app id for service principals ([ACTLOG] "caller").</summary>
    public string? Caller { get; init; }
    /// <summary>The status value (Succeeded, Started, Accepted, Failed ...; Success, Start ... in AzureActivity).</summary>
    public string? Status { get; init; }

    /// <summary>
    /// True when the operation was performed: the status is Succeeded ([ACTLOG] status values "Started, In Progress,
    /// Succeeded, Failed, Active, Resolved"), or Success, the AzureActivity table's ActivityStatusValue for it ([AZACT]).
    /// A Started or Accepted event is followed by the Succeeded one of the same operation, so counting both would count it twice.
    /// </summary>
    public bool Succeeded => string.Equals(Status, "Succeeded", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Status, "Success", StringComparison.OrdinalIgnoreCase);
}
