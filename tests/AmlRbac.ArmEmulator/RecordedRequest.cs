namespace AmlRbac.ArmEmulator;

/// <summary>
/// One HTTP request the emulator received: method, path, query (as sent, still encoded), the decoded
/// query parameters, body, the correlation id it answered with, and whether its token was the one
/// expected. The token itself is not kept.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Parameters,
    string? Body,
    string CorrelationId,
    bool Authorized)
{
    /// <summary>A decoded query parameter, or null.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>True for Microsoft Graph requests (under /v1.0/).</summary>
    public bool IsGraph => Path.StartsWith("/v1.0/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>A PATCH of a workspace: which one, with which api-version, and what allowRoleAssignmentOnRG it set (null: not set, or not applied on that version).</summary>
public sealed record WorkspacePatch(string WorkspaceId, string ApiVersion, bool? AllowRoleAssignmentOnRG, string Body);
