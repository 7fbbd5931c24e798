namespace AmlRbac.Sources.Live;

/// <summary>
/// The connection to live Azure, assembled the same way for every cmdlet and CLI command that talks to
/// Azure: one HttpClient for ARM and Microsoft Graph, the host's token source, the live client's options
/// at the user's pace, and the host's stop signal (Ctrl+C). A host keeps only what is its own: where the
/// endpoints and the token come from (the Az context and Get-AzAccessToken, or Azure.Identity and
/// environment variables) and how it shows progress.
/// </summary>
public sealed class LiveConnection : IDisposable
{
    // No timeout of the HttpClient's own: LiveClientOptions.Timeout bounds each call with its retries and
    // waits, and a fixed 100 s per request would cut a Retry-After wait that the options allow.
    private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    private LiveTenantCollector? _collector;
    private ArmWorkspaceGateway? _workspaces;

    private LiveConnection(IAccessTokenSource tokens, LiveClientOptions options, CancellationToken cancellation)
    {
        Tokens = tokens;
        Options = options;
        Cancellation = cancellation;
    }

    /// <summary>The token source the host gave; a host that renews its tokens (RenewingTokenSource) reaches it here.</summary>
    public IAccessTokenSource Tokens { get; }

    /// <summary>The endpoints, pace and retries every request of this connection goes with.</summary>
    public LiveClientOptions Options { get; }

    /// <summary>The host's stop signal: cancelled on Ctrl+C (StopProcessing in PowerShell). Pass it to every call made through this connection.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Reads tenants (queries with -Live / --live, and exports) over this connection.</summary>
    public LiveTenantCollector Collector => _collector ??= LiveTenantCollector.Create(_http, Tokens, Options);

    /// <summary>Reads and changes workspaces and their identity's role assignments (the workspace-identity conversion) over this connection.</summary>
    public ArmWorkspaceGateway Workspaces => _workspaces ??= new ArmWorkspaceGateway(new ArmClient(_http, Tokens, Options));

    /// <summary>
    /// Opens a connection to <paramref name="endpoints"/>. <paramref name="maxRequestsPerSecond"/> is the user's
    /// pace (null when not given), named in its error by <paramref name="paceInput"/> (--max-requests-per-second,
    /// -MaxRequestsPerSecond). <paramref name="tokens"/> is asked for the token source only once the pace is
    /// checked, so a bad pace fails before any sign-in is tried (Get-AzAccessToken, a credential).
    /// Throws LiveParameterInvalid for a pace that is not a positive number.
    /// </summary>
    public static LiveConnection Open(AzureEndpoints endpoints, double? maxRequestsPerSecond, string paceInput,
        Func<AzureEndpoints, IAccessTokenSource> tokens, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(tokens);
        var options = LiveClientOptions.Default.WithMaxRequestsPerSecond(maxRequestsPerSecond, paceInput) with { Endpoints = endpoints };
        return new LiveConnection(tokens(endpoints) ?? throw new ArgumentException("The token source is null.", nameof(tokens)), options, cancellation);
    }

    public void Dispose() => _http.Dispose();
}
