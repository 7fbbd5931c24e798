using System.Text.Json.Nodes;

namespace AmlRbac.ArmEmulator;

/// <summary>
/// Lists split into pages of <see cref="EmulatorOptions.PageSize"/>: ARM's { value, nextLink } (x-ms-pageable,
/// [SPEC-RA]) and Graph's { value, @odata.nextLink }. The next page's link is the same URL with a skip
/// token, as both APIs write it; a <see cref="FaultKind.BrokenNextLink"/> fault replaces it.
/// </summary>
public static class Paging
{
    public const string ArmSkipToken = "$skipToken";
    public const string GraphSkipToken = "$skiptoken";

    public static EmulatorResult Arm(EmulatorRequest request, IEnumerable<JsonNode> items) => Page(request, items, "nextLink", ArmSkipToken, request.Options.PageSize);

    /// <summary>A Graph page; $top asks for smaller pages.</summary>
    public static EmulatorResult Graph(EmulatorRequest request, IEnumerable<JsonNode> items)
    {
        var size = request.Options.PageSize;
        if (int.TryParse(request.Parameter("$top"), out var top) && top > 0)
        {
            size = Math.Min(size, top);
        }
        return Page(request, items, "@odata.nextLink", GraphSkipToken, size);
    }

    /// <summary>
    /// A later page of a list whose first page was served while the store is unchanged: sliced from that
    /// list, as a client reads the pages of one list in turn. Null when the request is not such a page.
    /// </summary>
    public static EmulatorResult? Continued(EmulatorRequest request, bool graph)
    {
        var tokenName = graph ? GraphSkipToken : ArmSkipToken;
        if (request.Method != "GET" || request.Parameter(tokenName) is null
            || request.Store.KeptListing(ListingKey(request, tokenName)) is not { } kept)
        {
            return null;
        }
        return graph ? Graph(request, kept) : Arm(request, kept);
    }

    private static EmulatorResult Page(EmulatorRequest request, IEnumerable<JsonNode> items, string linkName, string tokenName, int size)
    {
        var all = items as IReadOnlyList<JsonNode> ?? items.ToList();
        var skip = int.TryParse(request.Parameter(tokenName), out var s) && s > 0 ? s : 0;
        var page = new JsonArray(all.Skip(skip).Take(size).Select(i => (JsonNode?)i.DeepClone()).ToArray());
        var body = new JsonObject { ["value"] = page };
        var key = ListingKey(request, tokenName);
        if (skip + size < all.Count)
        {
            body[linkName] = NextLink(request, tokenName, skip + size);
            if (skip == 0)
            {
                request.Store.KeepListing(key, all);
            }
        }
        else if (skip > 0)
        {
            request.Store.ForgetListing(key);
        }
        return EmulatorResult.Ok(body);
    }

    // The list a page belongs to: the method, path and query without the page's skip token.
    private static string ListingKey(EmulatorRequest request, string tokenName) =>
        request.Method + " " + request.Url.AbsolutePath + "?" + string.Join('&', OtherParameters(request.Url, tokenName));

    private static IEnumerable<string> OtherParameters(Uri url, string tokenName) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), tokenName, StringComparison.OrdinalIgnoreCase));

    private static string NextLink(EmulatorRequest request, string tokenName, int next)
    {
        var link = WithToken(request.Url, tokenName, next);
        if (request.Faults.Take(request.Method, request.Url.PathAndQuery, f => f.Kind == FaultKind.BrokenNextLink) is not { } fault)
        {
            return link;
        }
        return fault.Link switch
        {
            BrokenLink.NotAUrl => "nextLink",
            BrokenLink.OtherHost => new UriBuilder(link) { Host = "evil.example.com", Port = 443, Scheme = "https" }.Uri.AbsoluteUri,
            _ => request.Url.AbsoluteUri,
        };
    }

    private static string WithToken(Uri url, string tokenName, int value)
    {
        var kept = OtherParameters(url, tokenName).Append($"{Uri.EscapeDataString(tokenName)}={value}");
        return new UriBuilder(url) { Query = string.Join('&', kept) }.Uri.AbsoluteUri;
    }
}
