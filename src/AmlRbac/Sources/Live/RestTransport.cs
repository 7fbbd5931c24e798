using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AmlRbac.Sources.Live;

/// <summary>One answer: its status and its JSON body (null when the body is empty, as for 204).</summary>
internal sealed record RestResponse(int Status, JsonElement? Body);

/// <summary>
/// Sends one call to one API (ARM or Graph) the way both want to be called: paced, with the token asked
/// for just before each attempt, 429 answered by waiting as Retry-After says (seconds or an HTTP date,
/// RFC 9110 section 10.2.3), 408/5xx and dropped connections retried with capped exponential backoff and
/// jitter, everything within <see cref="LiveClientOptions.Timeout"/>, and the caller's cancellation obeyed
/// at once. Error statuses become <see cref="Model.AmlRbacException"/> (<see cref="RestFailure"/>).
/// </summary>
internal sealed class RestTransport
{
    private static readonly HashSet<int> Transient = new() { 408, 500, 502, 503, 504 };

    private readonly HttpClient _http;
    private readonly IAccessTokenSource _tokens;
    private readonly LiveClientOptions _options;
    private readonly RequestPacer _pacer;
    private int _requests;

    public RestTransport(HttpClient http, IAccessTokenSource tokens, AzureApi api, LiveClientOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Api = api;
        BaseUrl = options.Endpoints.For(api);
        _pacer = new RequestPacer(options);
    }

    public AzureApi Api { get; }

    public Uri BaseUrl { get; }

    public LiveClientOptions Options => _options;

    /// <summary>HTTP requests sent so far, retries included.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The absolute URL of a path (and query) relative to the API's base URL.</summary>
    public Uri UrlFor(string pathAndQuery)
    {
        if (pathAndQuery.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException("Give a path relative to the API's base URL, not a URL.", nameof(pathAndQuery));
        }
        return new Uri(BaseUrl.AbsoluteUri + pathAndQuery.TrimStart('/'));
    }

    /// <summary>
    /// The URL of the next page. A nextLink is followed only to the API's own scheme, host and port: the
    /// token goes with the request, and a page must not be able to send it elsewhere. A link seen before
    /// would loop forever.
    /// </summary>
    public Uri NextPage(string link, HttpMethod method, Uri current, ISet<string> seen)
    {
        var target = RestFailure.Target(method, current);
        if (!Uri.TryCreate(link, UriKind.Absolute, out var next) || (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp))
        {
            throw RestFailure.Invalid(Api, target, "its nextLink is not an absolute http(s) URL, so the rest of the list cannot be read.");
        }
        if (!string.Equals(next.Scheme, BaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(next.Host, BaseUrl.Host, StringComparison.OrdinalIgnoreCase)
            || next.Port != BaseUrl.Port)
        {
            throw RestFailure.Invalid(Api, target,
                $"its nextLink points to another host ({next.Host}); it was not followed, because the access token is sent only to {BaseUrl.Host}.");
        }
        if (!seen.Add(next.AbsoluteUri))
        {
            throw RestFailure.Invalid(Api, target, "its nextLink repeats an earlier page, so following it would never end.");
        }
        return next;
    }

    /// <summary>Sends the call, retrying as described above, and returns the successful answer.</summary>
    public async Task<RestResponse> SendAsync(HttpMethod method, Uri url, JsonNode? body, CancellationToken cancellationToken)
    {
        var target = RestFailure.Target(method, url);
        var started = _options.Clock.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        var attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                await _pacer.WaitAsync(token).ConfigureAwait(false);
                var outcome = await AttemptAsync(method, url, body, token).ConfigureAwait(false);
                if (outcome.Response is { } success)
                {
                    return success;
                }

                var retryable = outcome.Error is not null || outcome.Status == 429 || Transient.Contains(outcome.Status);
                if (!retryable || attempt > _options.MaxRetries)
                {
                    throw outcome.Error is { } error
                        ? RestFailure.Unreachable(Api, target, attempt, error)
                        : RestFailure.ForStatus(Api, target, outcome.Status, outcome.CorrelationId, outcome.Body, attempt);
                }
                var wait = outcome.RetryAfter ?? Backoff(attempt);
                var left = _options.Timeout - _options.Clock.GetElapsedTime(started);
                if (outcome.Status == 429 && wait > left)
                {
                    throw RestFailure.ThrottledPastTimeout(Api, target, wait, outcome.CorrelationId);
                }
                await _options.Delay(wait, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RestFailure.Timeout(Api, target, _options.Timeout, attempt);
        }
    }

    /// <summary>
    /// Capped exponential backoff with jitter: base × 2^(attempt−1), at most the cap, then up to half of it
    /// taken off at random so that clients throttled together do not come back together.
    /// </summary>
    public TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * _options.Random.NextDouble()));
    }

    private async Task<Attempt> AttemptAsync(HttpMethod method, Uri url, JsonNode? body, CancellationToken token)
    {
        using var request = new HttpRequestMessage(method, url);
        // Added without parsing: a parse error's message could quote the value.
        request.Headers.TryAddWithoutValidation("Authorization", await _tokens.GetAuthorizationAsync(Api, token).ConfigureAwait(false));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            _pacer.Observe(response.Headers);
            var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new Attempt(new RestResponse(status, Parse(method, url, text)), status, null, null, null, null);
            }
            var correlation = response.Headers.TryGetValues(RestFailure.CorrelationHeader(Api), out var values) ? values.FirstOrDefault() : null;
            return new Attempt(null, status, text, correlation, RetryAfter(response), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is TaskCanceledException && !token.IsCancellationRequested))
        {
            // A dropped connection, or the HttpClient's own Timeout: no answer, so worth another try.
            return new Attempt(null, 0, null, null, null, e);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date ? Until(date) : null;
    }

    /// <summary>The wait a Retry-After given as an HTTP date asks for; none once the date has passed.</summary>
    public TimeSpan Until(DateTimeOffset date)
    {
        var wait = date - _options.Clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private JsonElement? Parse(HttpMethod method, Uri url, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw RestFailure.Invalid(Api, RestFailure.Target(method, url), $"the body is not JSON ({e.Message.Split(" LineNumber:")[0]}).");
        }
    }

    /// <summary>What one attempt gave: a success, or an error status with its details, or no answer.</summary>
    private sealed record Attempt(RestResponse? Response, int Status, string? Body, string? CorrelationId, TimeSpan? RetryAfter, Exception? Error);
}
