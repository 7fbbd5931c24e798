namespace AmlRbac.ArmEmulator;

/// <summary>
/// One HTTP request the emulator received: method, path, query (as sent, still encoded), the decoded
/// query parameters, body, the correlation id it answered with, whether its token was the one
/// expected, and the answer's status and body. The token itself is not kept.
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
    /// <summary>When the request arrived (the system clock), so tests can check the client's pace.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The status answered; 0 when the connection was dropped.</summary>
    public int Status { get; init; }

    /// <summary>The body answered (for $batch, the whole batch answer), kept so tests can scan everything served.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>A decoded query parameter, or null.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>True for Microsoft Graph requests (under /v1.0/).</summary>
    public bool IsGraph => Path.StartsWith("/v1.0/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}{Query}";
}
