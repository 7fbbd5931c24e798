using System.Text.Json;
using System.Text.Json.Nodes;
using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Microsoft Graph v1.0 for what ARM does not know: the direct members of groups (the collector walks
/// nested groups level by level, rather than asking transitiveMemberOf per principal: see
/// <see cref="LiveTenantCollector"/>), the names of principals, and the principal a user's name means.
/// Calls are combined where Graph allows: getByIds takes up to 1000 ids
/// (directoryobject-getbyids: "You can specify up to 1000 IDs"), and $batch up to 20 requests
/// (learn.microsoft.com/graph/json-batching: "combining multiple requests (up to 20)").
/// </summary>
public sealed class GraphClient
{
    /// <summary>Requests per $batch (json-batching).</summary>
    public const int BatchLimit = 20;

    /// <summary>Ids per getByIds call (directoryobject-getbyids).</summary>
    public const int GetByIdsLimit = 1000;

    // Members pages hold 100 by default and up to 999 ([GRAPH-MEMBERS], transitiveMemberOf); fewer pages, fewer requests.
    private const string MemberQuery = "?$select=" + DirectoryObjectShape.Select + "&$top=999";

    private readonly RestTransport _transport;

    public GraphClient(HttpClient http, IAccessTokenSource tokens, LiveClientOptions? options = null)
    {
        _transport = new RestTransport(http, tokens, AzureApi.MicrosoftGraph, options ?? LiveClientOptions.Default);
    }

    public Uri BaseUrl => _transport.BaseUrl;

    /// <summary>HTTP requests sent so far, retries, pages and batches included (a $batch is one request).</summary>
    public int RequestCount => _transport.RequestCount;

    /// <summary>The users, groups and service principals with these object ids; ids the directory does not hold are left out.</summary>
    public Task<IReadOnlyList<Principal>> GetObjectsAsync(IEnumerable<string> objectIds, CancellationToken cancellationToken = default) =>
        GetByIdsAsync(objectIds, DirectoryObjectShape.PrincipalTypes, cancellationToken);

    /// <summary>
    /// The direct members of each group (users, service principals and nested groups), read in $batch
    /// requests of <see cref="BatchLimit"/>. A group the directory no longer holds has no members: an
    /// assignment to a deleted group gives nobody access.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Principal>>> GetMembersAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken = default)
    {
        var requests = groupIds.Select(ObjectIds.NormalizePrincipal).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => new BatchPart(id, $"/groups/{Uri.EscapeDataString(id)}/members{MemberQuery}"))
            .ToList();
        var lists = await BatchListAsync(requests, cancellationToken).ConfigureAwait(false);
        return lists.ToDictionary(l => l.Key, l => (IReadOnlyList<Principal>)l.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The user with this sign-in name; <see cref="ErrorIds.PrincipalNotFound"/> when there is none.</summary>
    public async Task<Principal> FindByUserPrincipalNameAsync(string userPrincipalName, CancellationToken cancellationToken = default)
    {
        var found = await ListAsync($"users?$filter={Uri.EscapeDataString(ODataEquals("userPrincipalName", userPrincipalName))}&$select={DirectoryObjectShape.Select}", cancellationToken).ConfigureAwait(false);
        return Single(userPrincipalName, "user principal name", found);
    }

    /// <summary>
    /// The group or service principal (managed identities included) with this display name, both looked up
    /// in one $batch. Display names are not unique: more than one is <see cref="ErrorIds.PrincipalAmbiguous"/>
    /// listing them, none is <see cref="ErrorIds.PrincipalNotFound"/>.
    /// </summary>
    public async Task<Principal> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default)
    {
        var filter = Uri.EscapeDataString(ODataEquals("displayName", displayName));
        var lists = await BatchListAsync(new[]
        {
            new BatchPart("groups", $"/groups?$filter={filter}&$select={DirectoryObjectShape.Select}"),
            new BatchPart("servicePrincipals", $"/servicePrincipals?$filter={filter}&$select={DirectoryObjectShape.Select}"),
        }, cancellationToken).ConfigureAwait(false);
        return Single(displayName, "display name", lists["groups"].Concat(lists["servicePrincipals"]).ToList());
    }

    /// <summary>The service principal of an application id (client id).</summary>
    public async Task<Principal> FindByAppIdAsync(string appId, CancellationToken cancellationToken = default)
    {
        var found = await ListAsync($"servicePrincipals?$filter={Uri.EscapeDataString(ODataEquals("appId", appId))}&$select={DirectoryObjectShape.Select}", cancellationToken).ConfigureAwait(false);
        return Single(appId, "application id", found);
    }

    /// <summary>
    /// A principal as a user names it: an object id or application id (a GUID), a sign-in name (has '@'),
    /// or a group's or service principal's display name.
    /// </summary>
    public async Task<Principal> ResolveAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        var text = nameOrId?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new AmlRbacException(ErrorIds.PrincipalNotFound, FailureCategory.InvalidArgument, "No principal was named.", nameOrId);
        }
        if (ObjectIds.IsGuid(text))
        {
            var byId = await GetObjectsAsync(new[] { text }, cancellationToken).ConfigureAwait(false);
            return byId.Count > 0 ? byId[0] : await FindByAppIdAsync(text, cancellationToken).ConfigureAwait(false);
        }
        return text.Contains('@')
            ? await FindByUserPrincipalNameAsync(text, cancellationToken).ConfigureAwait(false)
            : await FindByDisplayNameAsync(text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Principal>> GetByIdsAsync(IEnumerable<string> objectIds, IReadOnlyList<string> types, CancellationToken cancellationToken)
    {
        // getByIds takes GUIDs only; anything else cannot name a directory object.
        var ids = objectIds.Where(ObjectIds.IsGuid).Select(ObjectIds.NormalizePrincipal).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = new List<Principal>();
        foreach (var chunk in ids.Chunk(GetByIdsLimit))
        {
            var url = _transport.UrlFor("directoryObjects/getByIds");
            var body = new JsonObject
            {
                ["ids"] = new JsonArray(chunk.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
                ["types"] = new JsonArray(types.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            };
            var response = await _transport.SendAsync(HttpMethod.Post, url, body, cancellationToken).ConfigureAwait(false);
            found.AddRange(ReadPrincipals(Values(response.Body, HttpMethod.Post, url), HttpMethod.Post, url));
        }
        return found;
    }

    // A collection followed through @odata.nextLink to its end.
    private async Task<IReadOnlyList<Principal>> ListAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var url = _transport.UrlFor(pathAndQuery);
        var response = await _transport.SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false);
        return await ReadAllPagesAsync(url, response.Body, new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<Principal>> ReadAllPagesAsync(Uri url, JsonElement? page, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var principals = new List<Principal>();
        while (true)
        {
            principals.AddRange(ReadPrincipals(Values(page, HttpMethod.Get, url), HttpMethod.Get, url));
            if (page is not { } body || !body.TryGetProperty("@odata.nextLink", out var link) || link.ValueKind != JsonValueKind.String)
            {
                return principals;
            }
            url = _transport.NextPage(link.GetString()!, HttpMethod.Get, url, seen);
            page = (await _transport.SendAsync(HttpMethod.Get, url, null, cancellationToken).ConfigureAwait(false)).Body;
        }
    }

    /// <summary>
    /// GET collections through $batch, <see cref="BatchLimit"/> per request. Parts that Graph throttled
    /// (429) or could not serve (5xx) are sent again in a later batch after the longest Retry-After they
    /// carry (json-batching: each response holds its own status and headers), up to MaxRetries rounds.
    /// A part answered 404 is an empty list.
    /// </summary>
    private async Task<Dictionary<string, List<Principal>>> BatchListAsync(IReadOnlyList<BatchPart> parts, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, List<Principal>>(StringComparer.OrdinalIgnoreCase);
        var pending = parts.ToList();
        var started = _transport.Options.Clock.GetTimestamp();
        for (var round = 1; pending.Count > 0; round++)
        {
            var again = new List<(BatchPart Part, PartAnswer Answer)>();
            foreach (var chunk in pending.Chunk(BatchLimit))
            {
                var url = _transport.UrlFor("$batch");
                var body = new JsonObject
                {
                    ["requests"] = new JsonArray(chunk.Select((part, index) => (JsonNode?)new JsonObject
                    {
                        ["id"] = (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["method"] = "GET",
                        ["url"] = part.Url,
                    }).ToArray()),
                };
                var response = await _transport.SendAsync(HttpMethod.Post, url, body, cancellationToken).ConfigureAwait(false);
                var answers = PartAnswers(response.Body, url, chunk.Length);
                for (var index = 0; index < chunk.Length; index++)
                {
                    var (part, answer) = (chunk[index], answers[index]);
                    var partUrl = _transport.UrlFor(part.Url);
                    if (answer.Status is >= 200 and < 300)
                    {
                        var seen = new HashSet<string>(StringComparer.Ordinal) { partUrl.AbsoluteUri };
                        results[part.Key] = await ReadAllPagesAsync(partUrl, answer.Body, seen, cancellationToken).ConfigureAwait(false);
                    }
                    else if (answer.Status == 404)
                    {
                        results[part.Key] = new List<Principal>();
                    }
                    else if (answer.Status is 429 or 500 or 502 or 503 or 504)
                    {
                        again.Add((part, answer));
                    }
                    else
                    {
                        throw PartFailure(partUrl, answer, round);
                    }
                }
            }
            if (again.Count > 0)
            {
                if (round > _transport.Options.MaxRetries)
                {
                    throw PartFailure(_transport.UrlFor(again[0].Part.Url), again[0].Answer, round);
                }
                var (longest, wait) = again.Select(a => (a, Wait: a.Answer.RetryAfter ?? _transport.Backoff(round))).MaxBy(w => w.Wait);
                var left = _transport.Options.Timeout - _transport.Options.Clock.GetElapsedTime(started);
                if (wait > left)
                {
                    // As for a single call (RestTransport): a wait that outlasts the timeout cannot end in an answer.
                    var target = RestFailure.Target(HttpMethod.Get, _transport.UrlFor(longest.Part.Url)) + " (in a $batch)";
                    throw longest.Answer.Status == 429
                        ? RestFailure.ThrottledPastTimeout(AzureApi.MicrosoftGraph, target, wait, longest.Answer.RequestId)
                        : RestFailure.Timeout(AzureApi.MicrosoftGraph, target, _transport.Options.Timeout, round);
                }
                await _transport.Options.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            pending = again.Select(a => a.Part).ToList();
        }
        return results;
    }

    private static AmlRbacException PartFailure(Uri partUrl, PartAnswer answer, int rounds) =>
        RestFailure.ForStatus(AzureApi.MicrosoftGraph, RestFailure.Target(HttpMethod.Get, partUrl) + " (in a $batch)", answer.Status, answer.RequestId, answer.Body?.GetRawText(), rounds);

    // {"responses":[{"id","status","headers":{...},"body":{...}}]}, in any order (json-batching).
    private PartAnswer[] PartAnswers(JsonElement? body, Uri url, int count)
    {
        var target = RestFailure.Target(HttpMethod.Post, url);
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            throw RestFailure.Invalid(AzureApi.MicrosoftGraph, target, "a $batch answer has no \"responses\" array.");
        }
        var answers = new PartAnswer?[count];
        foreach (var response in responses.EnumerateArray())
        {
            var id = response.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String && int.TryParse(idValue.GetString(), out var number) ? number : 0;
            if (id < 1 || id > count || !response.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number)
            {
                throw RestFailure.Invalid(AzureApi.MicrosoftGraph, target, "a $batch response has no known id or no status.");
            }
            var headers = response.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object ? h : default;
            answers[id - 1] = new PartAnswer(
                status.GetInt32(),
                response.TryGetProperty("body", out var partBody) ? partBody : null,
                Header(headers, "request-id"),
                RetryAfter(Header(headers, "Retry-After")));
        }
        return answers.Select((a, i) => a ?? throw RestFailure.Invalid(AzureApi.MicrosoftGraph, target, $"the $batch answer has no response for request {i + 1}.")).ToArray();
    }

    private static string? Header(JsonElement headers, string name)
    {
        if (headers.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var header in headers.EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase) && header.Value.ValueKind == JsonValueKind.String)
            {
                return header.Value.GetString();
            }
        }
        return null;
    }

    // Retry-After in a batch part: seconds or an HTTP date, as in a response header.
    private TimeSpan? RetryAfter(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return _transport.Until(date);
        }
        return null;
    }

    private static IReadOnlyList<JsonElement> Values(JsonElement? body, HttpMethod method, Uri url) =>
        body is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().ToList()
            : throw RestFailure.Invalid(AzureApi.MicrosoftGraph, RestFailure.Target(method, url), "the answer has no \"value\" array.");

    private static IEnumerable<Principal> ReadPrincipals(IReadOnlyList<JsonElement> items, HttpMethod method, Uri url)
    {
        var origin = LiveItems.Origin(AzureApi.MicrosoftGraph, RestFailure.Target(method, url));
        return LiveItems.ReadAll(items, origin).Select(DirectoryObjectShape.Read).ToList();
    }

    // An OData equality on a string property; a quote inside the value is doubled (OData ABNF, SQUOTE-in-string).
    private static string ODataEquals(string property, string value) => $"{property} eq '{value.Trim().Replace("'", "''")}'";

    private static Principal Single(string asked, string kind, IReadOnlyList<Principal> found)
    {
        var distinct = found.DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList();
        return distinct.Count switch
        {
            1 => distinct[0],
            0 => throw new AmlRbacException(ErrorIds.PrincipalNotFound, FailureCategory.ObjectNotFound,
                $"No principal in the directory has the {kind} '{asked}'.", asked),
            _ => throw new AmlRbacException(ErrorIds.PrincipalAmbiguous, FailureCategory.InvalidArgument,
                $"{distinct.Count} principals have the {kind} '{asked}': " +
                string.Join("; ", distinct.Select(p => $"{p.DisplayName ?? p.UserPrincipalName ?? p.Id} ({p.Type}, {p.Id}{(p.AppId is null ? "" : ", app " + p.AppId)})")) +
                ". Name one by its object id.", asked),
        };
    }

    /// <summary>One GET of a $batch, and what its result is filed under.</summary>
    private sealed record BatchPart(string Key, string Url);

    private sealed record PartAnswer(int Status, JsonElement? Body, string? RequestId, TimeSpan? RetryAfter);
}
