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

    private static EmulatorResult Page(EmulatorRequest request, IEnumerable<JsonNode> items, string linkName, string tokenName, int size)
    {
        var all = items.ToList();
        var skip = int.TryParse(request.Parameter(tokenName), out var s) && s > 0 ? s : 0;
        var page = new JsonArray(all.Skip(skip).Take(size).Select(i => (JsonNode?)i.DeepClone()).ToArray());
        var body = new JsonObject { ["value"] = page };
        if (skip + size < all.Count)
        {
            body[linkName] = NextLink(request, tokenName, skip + size);
        }
        return EmulatorResult.Ok(body);
    }

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
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), tokenName, StringComparison.OrdinalIgnoreCase))
            .Append($"{Uri.EscapeDataString(tokenName)}={value}");
        return new UriBuilder(url) { Query = string.Join('&', kept) }.Uri.AbsoluteUri;
    }
}
