using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// The exceptions of the live source. Each names the API, the method and the path (with only the query
/// parameters that say what was asked: a $skipToken or anything else may be a secret), the correlation id
/// the API returned (what Azure support asks for) and the API's own error code and message from its
/// <c>{"error":{"code","message"}}</c> body. No token ever reaches a message: none is passed in here.
/// </summary>
internal static class RestFailure
{
    // Query parameters shown in messages; all others are left out.
    private static readonly string[] ShownQuery = { "api-version", "$filter", "$select", "$top", "$expand" };

    /// <summary>"GET /subscriptions/…/roleAssignments?api-version=2022-04-01", without other query parameters.</summary>
    public static string Target(HttpMethod method, Uri url)
    {
        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => ShownQuery.Contains(Uri.UnescapeDataString(p.Split('=')[0]), StringComparer.OrdinalIgnoreCase))
            .Select(Uri.UnescapeDataString)
            .ToList();
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        return kept.Count == 0 ? $"{method} {path}" : $"{method} {path}?{string.Join('&', kept)}";
    }

    public static string ApiName(AzureApi api) => api == AzureApi.ResourceManager ? "Azure Resource Manager" : "Microsoft Graph";

    /// <summary>The header that identifies a request for the API's support: ARM's x-ms-correlation-request-id, Graph's request-id.</summary>
    public static string CorrelationHeader(AzureApi api) => api == AzureApi.ResourceManager ? "x-ms-correlation-request-id" : "request-id";

    /// <summary>The failure for an error status the client does not (or no longer) retry.</summary>
    public static AmlRbacException ForStatus(AzureApi api, string target, int status, string? correlationId, string? body, int attempts)
    {
        var (errorId, category, advice) = status switch
        {
            401 => (ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                $"The access token was refused: it has expired or was issued for another API than {ApiName(api)}. Get a new one (Connect-AzAccount, az login) and run again."),
            403 => (ErrorIds.ArmForbidden, FailureCategory.PermissionDenied, api == AzureApi.ResourceManager
                ? "The signed-in identity may not read this; reading role assignments, definitions and deny assignments needs a role such as Reader at the scope."
                : "The signed-in identity may not read the directory; group members and names need Directory.Read.All (or GroupMember.Read.All and User.Read.All)."),
            429 => (ErrorIds.ArmThrottled, FailureCategory.LimitsExceeded,
                "The API kept throttling the requests; wait a few minutes or ask for fewer scopes."),
            404 => (ErrorIds.ArmRequestFailed, FailureCategory.ObjectNotFound, "Check that the scope exists and is spelt as in the portal."),
            400 => (ErrorIds.ArmRequestFailed, FailureCategory.InvalidArgument, null),
            >= 500 => (ErrorIds.ArmRequestFailed, FailureCategory.ResourceUnavailable, null),
            _ => (ErrorIds.ArmRequestFailed, FailureCategory.NotSpecified, null),
        };
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        var message = $"{ApiName(api)} answered {status} to {target}{tries} ({Correlation(api, correlationId)}){ErrorText(body)}.";
        return new AmlRbacException(errorId, category, advice is null ? message : $"{message} {advice}", target);
    }

    /// <summary>No answer at all (connection refused or dropped), after every retry.</summary>
    public static AmlRbacException Unreachable(AzureApi api, string target, int attempts, Exception error) =>
        new(ErrorIds.ArmRequestFailed, FailureCategory.ConnectionError,
            $"{ApiName(api)} did not answer {target} after {attempts} attempt{(attempts == 1 ? "" : "s")}: {Describe(error)}", target, error);

    public static AmlRbacException Timeout(AzureApi api, string target, TimeSpan timeout, int attempts) =>
        new(ErrorIds.ArmTimeout, FailureCategory.OperationTimeout,
            $"{ApiName(api)} did not finish {target} within {timeout.TotalSeconds:0.###} s ({attempts} attempt{(attempts == 1 ? "" : "s")}).", target);

    /// <summary>Throttled with a Retry-After longer than the time left: waiting could not succeed.</summary>
    public static AmlRbacException ThrottledPastTimeout(AzureApi api, string target, TimeSpan retryAfter, string? correlationId) =>
        new(ErrorIds.ArmThrottled, FailureCategory.LimitsExceeded,
            $"{ApiName(api)} answered 429 to {target} and asked to wait {retryAfter.TotalSeconds:0.###} s, longer than the time left " +
            $"({Correlation(api, correlationId)}). Wait that long, or allow a longer timeout.", target);

    /// <summary>An answer that cannot be used.</summary>
    public static AmlRbacException Invalid(AzureApi api, string target, string problem) =>
        new(ErrorIds.ArmResponseInvalid, FailureCategory.InvalidData, $"{ApiName(api)} answered {target} with something unusable: {problem}", target);

    private static string Correlation(AzureApi api, string? correlationId) =>
        correlationId is null ? $"no {CorrelationHeader(api)}" : $"{CorrelationHeader(api)} {correlationId}";

    // ": Code: message" from {"error":{"code","message"}} (ARM and Graph), or the start of a body that is not that.
    // Azure's messages mostly end in a full stop, and the sentence this goes into adds its own: one is dropped.
    private static string ErrorText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return $": {code ?? "(no code)"}: {text?.TrimEnd().TrimEnd('.') ?? "(no message)"}";
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): show its start below.
        }
        var start = body.Trim();
        return $": {(start.Length > 200 ? start[..200] + "…" : start.TrimEnd('.'))}";
    }

    private static string Describe(Exception error) =>
        error.InnerException is { } inner && inner.Message != error.Message ? $"{error.Message} ({inner.Message})" : error.Message;
}
