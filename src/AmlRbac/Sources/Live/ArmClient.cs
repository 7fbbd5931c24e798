using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AmlRbac.Sources.Live;

/// <summary>One page of an ARM list: its number (from 1) and its items.</summary>
public sealed record ArmPage(int Number, IReadOnlyList<JsonElement> Items);

/// <summary>
/// Azure Resource Manager over HttpClient: GET, lists followed page by page through nextLink
/// (x-ms-pageable, [SPEC-RA]), and PATCH / PUT / DELETE. Pacing, retries, timeout and errors
/// are <see cref="RestTransport"/>'s. Paths are scopes or resource ids ("/subscriptions/…"), relative to
/// <see cref="AzureEndpoints.ResourceManager"/>.
/// </summary>
public sealed class ArmClient
{
    private readonly RestTransport _transport;

    public ArmClient(HttpClient http, IAccessTokenSource tokens, LiveClientOptions? options = null)
    {
        _transport = new RestTransport(http, tokens, AzureApi.ResourceManager, options ?? LiveClientOptions.Default);
    }

    public Uri BaseUrl => _transport.BaseUrl;

    /// <summary>HTTP requests sent so far, retries and pages included.</summary>
    public int RequestCount => _transport.RequestCount;

    /// <summary>GET one resource.</summary>
    public async Task<JsonElement> GetAsync(string path, string apiVersion, CancellationToken cancellationToken = default)
    {
        var url = Url(path, apiVersion, null);
        var response = await _transport.SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        return response.Body ?? throw RestFailure.Invalid(AzureApi.ResourceManager, RestFailure.Target(HttpMethod.Get, url), "the body is empty.");
    }

    /// <summary>Every item of a list, all pages read.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(string path, string apiVersion, string? filter = null, CancellationToken cancellationToken = default)
    {
        var items = new List<JsonElement>();
        await foreach (var page in ListPagesAsync(path, apiVersion, filter, cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(page.Items);
        }
        return items;
    }

    /// <summary>The pages of a list, each read when the caller asks for it; nextLink is followed to the end.</summary>
    public IAsyncEnumerable<ArmPage> ListPagesAsync(string path, string apiVersion, string? filter = null, CancellationToken cancellationToken = default) =>
        PagesAsync(HttpMethod.Get, Url(path, apiVersion, filter), cancellationToken);

    /// <summary>
    /// The pages of a list that is read with POST (Management Groups' getEntities has no GET). Its next
    /// pages are POSTed too: the path exists for POST only.
    /// </summary>
    internal IAsyncEnumerable<ArmPage> PostListPagesAsync(string path, string apiVersion, CancellationToken cancellationToken) =>
        PagesAsync(HttpMethod.Post, Url(path, apiVersion, null), cancellationToken);

    /// <summary>PATCH a resource (for example a workspace's properties); the answer's body, if any.</summary>
    public Task<JsonElement?> PatchAsync(string path, string apiVersion, JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, path, apiVersion, body ?? throw new ArgumentNullException(nameof(body)), cancellationToken);

    /// <summary>PUT a resource (for example a role assignment); the answer's body, if any.</summary>
    public Task<JsonElement?> PutAsync(string path, string apiVersion, JsonNode body, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, path, apiVersion, body ?? throw new ArgumentNullException(nameof(body)), cancellationToken);

    /// <summary>DELETE a resource; the deleted resource's body, or null when there was nothing to delete (204).</summary>
    public Task<JsonElement?> DeleteAsync(string path, string apiVersion, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, path, apiVersion, null, cancellationToken);

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, string apiVersion, JsonNode? body, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(method, Url(path, apiVersion, null), body, cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    private async IAsyncEnumerable<ArmPage> PagesAsync(HttpMethod method, Uri first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { first.AbsoluteUri };
        var url = first;
        for (var number = 1; ; number++)
        {
            var response = await _transport.SendAsync(method, url, null, cancellationToken).ConfigureAwait(false);
            var (items, nextLink) = ReadPage(method, url, response.Body);
            yield return new ArmPage(number, items);
            if (nextLink is null)
            {
                yield break;
            }
            url = _transport.NextPage(nextLink, method, url, seen);
        }
    }

    // { "value": [...], "nextLink": "…" } ([SPEC-RA] RoleAssignmentListResult); nextLink is absent or null on the last page (inference).
    private static (IReadOnlyList<JsonElement> Items, string? NextLink) ReadPage(HttpMethod method, Uri url, JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } page || !page.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw RestFailure.Invalid(AzureApi.ResourceManager, RestFailure.Target(method, url), "a list page has no \"value\" array.");
        }
        var nextLink = page.TryGetProperty("nextLink", out var link) && link.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(link.GetString())
            ? link.GetString()
            : null;
        return (value.EnumerateArray().ToList(), nextLink);
    }

    private Uri Url(string path, string apiVersion, string? filter)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Contains('?'))
        {
            throw new ArgumentException($"'{path}' is not an ARM path (a scope or resource id starting with '/', without a query).", nameof(path));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(apiVersion);
        var query = "?api-version=" + Uri.EscapeDataString(apiVersion);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            query += "&$filter=" + Uri.EscapeDataString(filter);
        }
        return _transport.UrlFor(path.TrimEnd('/') + query);
    }
}
