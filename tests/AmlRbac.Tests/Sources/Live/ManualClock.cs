namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// A clock that moves only when the live client waits (backoff, Retry-After, pacing), so the tests
/// never sleep and can assert every wait. Timers (the client's timeout) stay real.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public List<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _ticks;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The client's Delay: records the wait and moves the clock by it.</summary>
    public Task Delay(TimeSpan wait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Waits.Add(wait);
            _now += wait;
            _ticks += wait.Ticks;
        }
        return Task.CompletedTask;
    }
}
