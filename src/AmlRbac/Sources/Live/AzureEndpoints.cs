namespace AmlRbac.Sources.Live;

/// <summary>
/// Where ARM and Microsoft Graph answer. Sovereign clouds have their own hosts, so both are parameters;
/// the public cloud (https://management.azure.com, the host of [SPEC-RA]; https://graph.microsoft.com/v1.0,
/// [GRAPH-MEMBERS]) is only the default. Tokens are sent to these hosts and nowhere else: a nextLink to
/// another host is refused.
/// </summary>
public sealed record AzureEndpoints
{
    public AzureEndpoints(Uri resourceManager, Uri microsoftGraph)
    {
        ResourceManager = Checked(resourceManager, nameof(resourceManager));
        MicrosoftGraph = Checked(microsoftGraph, nameof(microsoftGraph));
    }

    public static AzureEndpoints PublicCloud { get; } = new(new Uri("https://management.azure.com/"), new Uri("https://graph.microsoft.com/v1.0/"));

    /// <summary>
    /// The endpoints of the cloud whose ARM URL this is: the Microsoft Graph of the public, US Government
    /// or China cloud (Az.Accounts' built-in environments: ResourceManagerUrl and MicrosoftGraphUrl of
    /// AzureCloud, AzureUSGovernment, AzureChinaCloud), or, for any other host (a local emulator), that host's
    /// own "/v1.0/". <paramref name="graph"/>, when given, wins.
    /// </summary>
    public static AzureEndpoints ForResourceManager(Uri resourceManager, Uri? graph = null)
    {
        ArgumentNullException.ThrowIfNull(resourceManager);
        if (graph is not null)
        {
            return new AzureEndpoints(resourceManager, graph);
        }
        var known = resourceManager.Host.ToLowerInvariant() switch
        {
            "management.azure.com" => "https://graph.microsoft.com/v1.0/",
            "management.usgovcloudapi.net" => "https://graph.microsoft.us/v1.0/",
            "management.chinacloudapi.cn" => "https://microsoftgraph.chinacloudapi.cn/v1.0/",
            _ => null,
        };
        return new AzureEndpoints(resourceManager, known is null ? new Uri(resourceManager.GetLeftPart(UriPartial.Authority) + "/v1.0/") : new Uri(known));
    }

    /// <summary>The ARM base URL; request paths (scopes) are appended to it.</summary>
    public Uri ResourceManager { get; }

    /// <summary>The Graph base URL including the version segment ("…/v1.0/").</summary>
    public Uri MicrosoftGraph { get; }

    /// <summary>The base URL of <paramref name="api"/>.</summary>
    public Uri For(AzureApi api) => api == AzureApi.ResourceManager ? ResourceManager : MicrosoftGraph;

    // A base URL ends with '/' so that appending a path keeps its version segment ("v1.0/").
    private static Uri Checked(Uri url, string parameter)
    {
        ArgumentNullException.ThrowIfNull(url, parameter);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0)
        {
            throw new ArgumentException($"'{url}' is not an http(s) base URL without a query.", parameter);
        }
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
