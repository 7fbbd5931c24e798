using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// A token source fetched again from the Az context now and then. A token from Get-AzAccessToken lasts
/// about an hour, and a pipeline of hundreds of workspaces, each waiting up to -TimeoutSeconds for
/// Azure, can outlast it; Az.Accounts answers from its cache until the token nears expiry, so asking
/// again every <see cref="Interval"/> is cheap. Fetching runs PowerShell, so <see cref="RenewIfDue"/>
/// is called on the pipeline thread, between workspaces; requests read whichever source is current.
/// </summary>
internal sealed class RenewingTokenSource : IAccessTokenSource
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(20);

    private readonly Func<IAccessTokenSource> _fetch;
    private readonly TimeProvider _clock;
    private IAccessTokenSource _current;
    private long _fetchedAt;

    public RenewingTokenSource(Func<IAccessTokenSource> fetch, TimeProvider? clock = null)
    {
        _fetch = fetch;
        _clock = clock ?? TimeProvider.System;
        _current = fetch();
        _fetchedAt = _clock.GetTimestamp();
    }

    public void RenewIfDue()
    {
        if (_clock.GetElapsedTime(_fetchedAt) >= Interval)
        {
            Volatile.Write(ref _current, _fetch());
            _fetchedAt = _clock.GetTimestamp();
        }
    }

    public ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken) =>
        Volatile.Read(ref _current).GetAuthorizationAsync(api, cancellationToken);

    public override string ToString() => nameof(RenewingTokenSource);
}
