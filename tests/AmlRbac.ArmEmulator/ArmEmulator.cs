using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// A local Azure Resource Manager and Microsoft Graph on 127.0.0.1 (random port) serving a tenant through
/// the real paths and shapes, for the live client's tests:
/// <c>await using var arm = await ArmEmulator.StartAsync(SampleTenant.Load(), new EmulatorOptions { PageSize = 2 });</c>,
/// then point the client at <see cref="BaseUrl"/> (ARM) and <see cref="GraphUrl"/> (Graph, "…/v1.0/").
/// Every request passes, in order: recording, the planned <see cref="Faults"/>, the bearer-token check,
/// then the first matching route of <see cref="RouteTable"/>. Routes live in their own files
/// (<see cref="ArmReadRoutes"/>, <see cref="GraphRoutes"/>, <see cref="PolicyRoutes"/>, <see cref="PostureRoutes"/>); more are added by implementing
/// <see cref="AddRoutes"/> in another file of this partial class (see <see cref="EmulatorStore"/>).
/// </summary>
public sealed partial class ArmEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RouteTable _routes = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly EmulatorOptions _options;

    private ArmEmulator(WebApplication app, EmulatorStore store, EmulatorOptions options)
    {
        _app = app;
        Store = store;
        _options = options;
        ArmReadRoutes.Register(_routes);
        GraphRoutes.Register(_routes);
        PolicyRoutes.Register(_routes);
        PostureRoutes.Register(_routes);
        AddRoutes(_routes);
    }

    /// <summary>ARM's base URL, "http://127.0.0.1:{port}/".</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Graph's base URL, "http://127.0.0.1:{port}/v1.0/".</summary>
    public Uri GraphUrl => new(BaseUrl, "v1.0/");

    /// <summary>What is served; mutable (write routes change it).</summary>
    public EmulatorStore Store { get; }

    /// <summary>Faults to inject; add to it at any time.</summary>
    public FaultPlan Faults { get; } = new();

    public EmulatorOptions Options => _options;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Starts serving <paramref name="tenant"/>.</summary>
    public static async Task<ArmEmulator> StartAsync(Tenant tenant, EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        if (options.PageSize < 1)
        {
            throw new ArgumentException("PageSize must be at least 1.", nameof(options));
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ArmEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var emulator = new ArmEmulator(app, new EmulatorStore(tenant, options.Workspaces), options);
        app.Run(emulator.ServeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>Forgets the requests recorded so far.</summary>
    public void ClearRequests()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Implement in another file of this partial class to add routes (write routes, say); runs after the read routes are added.</summary>
    static partial void AddRoutes(RouteTable routes);

    private async Task ServeAsync(HttpContext context)
    {
        var http = context.Request;
        string? bodyText;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            bodyText = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        bodyText = bodyText.Length == 0 ? null : bodyText;
        var url = new Uri(BaseUrl, http.Path.ToUriComponent() + http.QueryString.ToUriComponent());
        var parameters = http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var isGraph = http.Path.StartsWithSegments("/v1.0", StringComparison.Ordinal);
        var expected = "Bearer " + (isGraph ? _options.GraphToken : _options.ArmToken);
        var authorized = string.Equals(http.Headers.Authorization.ToString(), expected, StringComparison.Ordinal);
        var correlationId = Guid.NewGuid().ToString("D");
        var recorded = new RecordedRequest(http.Method, Uri.UnescapeDataString(http.Path.ToUriComponent()), http.QueryString.ToUriComponent(), parameters, bodyText, correlationId, authorized);

        var fault = Faults.Take(http.Method, url.PathAndQuery, f => f.Kind is not (FaultKind.BrokenNextLink or FaultKind.LowRemaining));
        if (fault?.Kind == FaultKind.Slow)
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Record(recorded with { Status = 0 });
                return;
            }
        }
        if (fault?.Kind == FaultKind.DropConnection)
        {
            Record(recorded with { Status = 0 });
            context.Abort();
            return;
        }

        EmulatorResult result;
        if (FaultResult(fault, isGraph) is { } injected)
        {
            result = injected;
        }
        else if (!authorized)
        {
            result = Unauthorized(isGraph, http.Headers.Authorization.Count == 0 ? "No access token was sent." : "The access token is invalid.");
        }
        else
        {
            JsonNode? body = null;
            try
            {
                body = bodyText is null ? null : JsonNode.Parse(bodyText);
            }
            catch (JsonException)
            {
                result = EmulatorResult.Error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
                await WriteAsync(context, result, isGraph, correlationId, recorded).ConfigureAwait(false);
                return;
            }
            var request = new EmulatorRequest(http.Method, url, parameters, body, Store, _options, Faults);
            try
            {
                result = isGraph && http.Method == "POST" && http.Path.Equals("/v1.0/$batch", StringComparison.OrdinalIgnoreCase)
                    ? Batch(request)
                    : Paging.Continued(request, isGraph) ?? _routes.Answer(request);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug in a route: answered and recorded, so the test that met it says what it was.
                result = EmulatorResult.Error(500, "EmulatorRouteFailed", e.ToString());
            }
        }
        await WriteAsync(context, result, isGraph, correlationId, recorded).ConfigureAwait(false);
    }

    private async Task WriteAsync(HttpContext context, EmulatorResult result, bool isGraph, string correlationId, RecordedRequest recorded)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        foreach (var (name, value) in CommonHeaders(isGraph, correlationId, context.Request))
        {
            response.Headers[name] = value;
        }
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        var text = result.Body?.ToJsonString();
        Record(recorded with { Status = result.Status, ResponseBody = text });
        if (text is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private IEnumerable<(string, string)> CommonHeaders(bool isGraph, string correlationId, HttpRequest request)
    {
        if (isGraph)
        {
            yield return ("request-id", correlationId);
            yield return ("client-request-id", correlationId);
            yield break;
        }
        yield return ("x-ms-correlation-request-id", correlationId);
        yield return ("x-ms-request-id", correlationId);
        var low = Faults.Take(request.Method, request.Path + request.QueryString, f => f.Kind == FaultKind.LowRemaining);
        var remaining = (low?.Remaining ?? _options.RemainingReads).ToString(CultureInfo.InvariantCulture);
        yield return (request.Method == "GET" ? "x-ms-ratelimit-remaining-subscription-reads" : "x-ms-ratelimit-remaining-subscription-writes", remaining);
    }

    private static EmulatorResult? FaultResult(Fault? fault, bool isGraph) => fault?.Kind switch
    {
        FaultKind.Throttle => EmulatorResult.Error(429, "TooManyRequests",
            "The request is being throttled as the limit has been reached.", RetryAfterHeader(fault)),
        FaultKind.ServerError => EmulatorResult.Error(fault.Status, fault.Status == 503 ? "ServiceUnavailable" : "InternalServerError",
            "The server encountered an internal error; please retry the request."),
        FaultKind.ExpiredToken => Unauthorized(isGraph, "Lifetime validation failed, the token is expired."),
        FaultKind.Forbidden => EmulatorResult.Error(403, isGraph ? "Authorization_RequestDenied" : "AuthorizationFailed",
            "The client does not have authorization to perform this action or the scope is invalid."),
        _ => null,
    };

    private static Dictionary<string, string> RetryAfterHeader(Fault fault)
    {
        var headers = new Dictionary<string, string>();
        if (fault.RetryAfter is { } delta)
        {
            headers["Retry-After"] = ((int)Math.Ceiling(delta.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (fault.RetryAfterDate is { } date)
        {
            headers["Retry-After"] = date.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }
        return headers;
    }

    // ARM: 401 InvalidAuthenticationToken / ExpiredAuthenticationToken with WWW-Authenticate; Graph: InvalidAuthenticationToken.
    private static EmulatorResult Unauthorized(bool isGraph, string message) =>
        EmulatorResult.Error(401, message.Contains("expired", StringComparison.OrdinalIgnoreCase) && !isGraph ? "ExpiredAuthenticationToken" : "InvalidAuthenticationToken",
            message, new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\"" });

    // json-batching: { requests: [{ id, method, url }] } -> { responses: [{ id, status, headers, body }] }.
    // Each part passes the Throttle and ServerError faults planned for its own URL.
    private EmulatorResult Batch(EmulatorRequest request)
    {
        var parts = request.Body?["requests"]?.AsArray();
        if (parts is null || parts.Count == 0 || parts.Count > GraphRoutes.BatchLimit)
        {
            return EmulatorResult.Error(400, "BadRequest", $"A batch holds 1 to {GraphRoutes.BatchLimit} requests.");
        }
        var responses = new JsonArray();
        foreach (var part in parts)
        {
            var id = part?["id"]?.GetValue<string>() ?? "";
            var method = part?["method"]?.GetValue<string>() ?? "GET";
            var relative = (part?["url"]?.GetValue<string>() ?? "").TrimStart('/');
            var partUrl = new Uri(GraphUrl, relative);
            var fault = Faults.Take(method, partUrl.PathAndQuery, f => f.Kind is FaultKind.Throttle or FaultKind.ServerError);
            var result = FaultResult(fault, isGraph: true) ?? _routes.Answer(new EmulatorRequest(method, partUrl,
                ParseQuery(partUrl), part?["body"]?.DeepClone(), Store, _options, Faults));
            var headers = new JsonObject { ["Content-Type"] = "application/json" };
            foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
            {
                headers[name] = value;
            }
            responses.Add(new JsonObject { ["id"] = id, ["status"] = result.Status, ["headers"] = headers, ["body"] = result.Body });
        }
        return EmulatorResult.Ok(new JsonObject { ["responses"] = responses });
    }

    private static Dictionary<string, string> ParseQuery(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.OrdinalIgnoreCase);

    private void Record(RecordedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }
}
