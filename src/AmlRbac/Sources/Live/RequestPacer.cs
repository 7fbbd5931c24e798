namespace AmlRbac.Sources.Live;

/// <summary>
/// The client-side rate limiter of one API: a token bucket like ARM's own (request-limits-and-throttling:
/// "token bucket algorithm"), smaller, so that the client slows itself before ARM throttles it. It also
/// pauses once when ARM reports, in an x-ms-ratelimit-remaining-* header, that few requests are left.
/// </summary>
internal sealed class RequestPacer
{
    private readonly LiveClientOptions _options;
    private readonly object _gate = new();
    private double _tokens;
    private long _refilledAt;
    private DateTimeOffset _pauseUntil = DateTimeOffset.MinValue;

    public RequestPacer(LiveClientOptions options)
    {
        if (options.RequestsPerSecond <= 0 || options.Burst < 1)
        {
            throw new ArgumentException("RequestsPerSecond must be above 0 and Burst at least 1.", nameof(options));
        }
        _options = options;
        _tokens = options.Burst;
        _refilledAt = options.Clock.GetTimestamp();
    }

    /// <summary>Waits until a request may go.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (TakeOrWait() is { } wait)
        {
            await _options.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the remaining-requests headers of an answer. ARM writes plain counts
    /// (x-ms-ratelimit-remaining-subscription-reads: 11999) and resource providers write
    /// "name;count" lists (x-ms-ratelimit-remaining-resource: Microsoft.Compute/GetVM3Min;197,...);
    /// the lowest count decides.
    /// </summary>
    public void Observe(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        long? lowest = null;
        foreach (var (name, values) in headers)
        {
            if (!name.StartsWith("x-ms-ratelimit-remaining-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var part in values.SelectMany(v => v.Split(',')))
            {
                var count = part[(part.LastIndexOf(';') + 1)..].Trim();
                if (long.TryParse(count, out var remaining))
                {
                    lowest = Math.Min(lowest ?? long.MaxValue, remaining);
                }
            }
        }
        if (lowest < _options.LowRemainingThreshold)
        {
            lock (_gate)
            {
                _pauseUntil = _options.Clock.GetUtcNow() + _options.LowRemainingPause;
            }
        }
    }

    // Null when a token was taken, otherwise how long to wait before asking again. Not TimeSpan.Zero for "taken":
    // with 0.9999999 tokens left the wait rounds to zero ticks, and reading that as "go" let a request through
    // without its token (a paced run sent 22 requests where the pace allows 19).
    private TimeSpan? TakeOrWait()
    {
        lock (_gate)
        {
            var now = _options.Clock.GetUtcNow();
            if (now < _pauseUntil)
            {
                var pause = _pauseUntil - now;
                // Paused once; the next answer's headers decide whether to pause again.
                _pauseUntil = DateTimeOffset.MinValue;
                return pause;
            }
            var timestamp = _options.Clock.GetTimestamp();
            var elapsed = _options.Clock.GetElapsedTime(_refilledAt, timestamp);
            _refilledAt = timestamp;
            _tokens = Math.Min(_options.Burst, _tokens + elapsed.TotalSeconds * _options.RequestsPerSecond);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return null;
            }
            // Rounded up to a whole tick (at least one, as fewer than 1 token are left), so that a clock moved only by the waits (tests) moves.
            return TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) / _options.RequestsPerSecond * TimeSpan.TicksPerSecond));
        }
    }
}
