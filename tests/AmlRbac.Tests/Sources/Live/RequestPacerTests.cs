using Xunit;

using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>The token bucket itself, on a clock that moves only by the waits it asks for.</summary>
public sealed class RequestPacerTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(7.0)]
    [InlineData(4.0)]
    public async Task NoRequestGoesWithoutItsTokenWhenTheWaitLeftRoundsToNothing(double rate)
    {
        // At 3 a second a wait of 1/3 s is 3,333,333 ticks, which refills 0.9999999 of a token: the wait left for the
        // rest is a fraction of a tick. Once, that zero-tick wait was read as "go" and every later request went free.
        var clock = new ManualClock();
        var pacer = new RequestPacer(LiveClientOptions.Default with { RequestsPerSecond = rate, Burst = 1, Clock = clock, Delay = clock.Delay });
        const int Requests = 30;
        for (var i = 0; i < Requests; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
        }
        var waited = clock.Waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        // The first goes on the burst's token; each of the others waits 1/rate s for its own.
        Assert.True(waited.TotalSeconds >= (Requests - 1) / rate - 1e-6, $"{Requests} requests after {waited.TotalSeconds} s of waits at {rate} a second");
    }
}
