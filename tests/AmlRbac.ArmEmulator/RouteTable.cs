using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace AmlRbac.ArmEmulator;

/// <summary>One request as a route sees it: what was asked, the route's captures, the store and the options.</summary>
public sealed class EmulatorRequest
{
    internal EmulatorRequest(string method, Uri url, IReadOnlyDictionary<string, string> parameters, JsonNode? body, EmulatorStore store, EmulatorOptions options, FaultPlan faults)
    {
        Method = method;
        Url = url;
        Parameters = parameters;
        Body = body;
        Store = store;
        Options = options;
        Faults = faults;
    }

    public string Method { get; }

    /// <summary>The absolute URL asked (nextLinks are built from it).</summary>
    public Uri Url { get; }

    /// <summary>The path, decoded.</summary>
    public string Path => Uri.UnescapeDataString(Url.AbsolutePath);

    /// <summary>Decoded query parameters (names as sent; looked up case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public JsonNode? Body { get; }

    public EmulatorStore Store { get; }

    public EmulatorOptions Options { get; }

    internal FaultPlan Faults { get; }

    /// <summary>The captures of the route's pattern ("scope", "name" ...).</summary>
    public Match Match { get; internal set; } = Match.Empty;

    public string Capture(string group) => Match.Groups[group].Value;

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What a route answers: a status, a JSON body, extra headers.</summary>
public sealed record EmulatorResult(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static EmulatorResult Ok(JsonNode body) => new(200, body);

    /// <summary>ARM's and Graph's error shape: { "error": { "code", "message" } }.</summary>
    public static EmulatorResult Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, headers);

    public static EmulatorResult NotFound(string what) => Error(404, "ResourceNotFound", $"The resource '{what}' was not found.");
}

/// <summary>A route: the answer to one request.</summary>
public delegate EmulatorResult RouteHandler(EmulatorRequest request);

/// <summary>
/// The emulator's routes, tried in the order added: a method, a regular expression over the decoded path
/// (anchored; named groups become <see cref="EmulatorRequest.Capture"/>), the api-versions it serves (ARM
/// answers 400 for any other), and the handler. Graph paths start with /v1.0/ and need no api-version.
/// </summary>
public sealed class RouteTable
{
    /// <summary>Any scope: "" (tenant root), a management group, subscription, resource group or resource id.</summary>
    public const string ScopePattern = "(?<scope>(/providers/Microsoft\\.Management/managementGroups/[^/]+|/subscriptions/[^/]+(/resourceGroups/[^/]+(/providers/[^/]+/[^/]+/[^/]+(/[^/]+/[^/]+)*)?)?)?)";

    private readonly List<Route> _routes = new();

    public void Add(string method, string pathPattern, IReadOnlyCollection<string>? apiVersions, RouteHandler handler) =>
        _routes.Add(new Route(method, new Regex("^" + pathPattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), apiVersions, handler));

    internal EmulatorResult Answer(EmulatorRequest request)
    {
        var pathMatched = false;
        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(request.Path);
            if (!match.Success)
            {
                continue;
            }
            pathMatched = true;
            if (!string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (route.ApiVersions is not null)
            {
                var version = request.Parameter("api-version");
                if (version is null)
                {
                    return EmulatorResult.Error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
                }
                if (!route.ApiVersions.Contains(version))
                {
                    return EmulatorResult.Error(400, "InvalidApiVersionParameter",
                        $"The api-version '{version}' is invalid. The supported versions are '{string.Join(",", route.ApiVersions)}'.");
                }
            }
            request.Match = match;
            return route.Handler(request);
        }
        return pathMatched
            ? EmulatorResult.Error(405, "MethodNotAllowed", $"The method '{request.Method}' is not allowed on '{request.Path}'.")
            : EmulatorResult.Error(404, "NoRegisteredProviderFound", $"No route for '{request.Method} {request.Path}'.");
    }

    private sealed record Route(string Method, Regex Pattern, IReadOnlyCollection<string>? ApiVersions, RouteHandler Handler);
}
