using System.Globalization;
using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// How the live clients pace, retry and give up. The defaults stay well inside ARM's documented limits:
/// "Understand how Azure Resource Manager throttles requests"
/// (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling)
/// gives a token bucket of 250 reads refilled at 25 per second, per subscription and per tenant, per
/// principal; 8 requests a second with bursts of 16 leaves room for the user's other tools.
/// Delays go through <see cref="Delay"/> and time through <see cref="Clock"/>, and jitter comes from
/// <see cref="Random"/>, so tests replace all three and never really sleep.
/// </summary>
public sealed record LiveClientOptions
{
    public static LiveClientOptions Default { get; } = new();

    public AzureEndpoints Endpoints { get; init; } = AzureEndpoints.PublicCloud;

    /// <summary>Retries after a 429, a 408/500/502/503/504 or a failed connection, before giving up.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff; it doubles with each retry up to <see cref="MaxRetryDelay"/>, then jitter takes up to half off.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one call may take with all its retries and waits (each page of a list is one call).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The client-side pace: requests per second on average (per API).</summary>
    public double RequestsPerSecond { get; init; } = 8;

    /// <summary>How many requests may go at once before the pace applies.</summary>
    public int Burst { get; init; } = 16;

    /// <summary>
    /// These options with the user's pace (the hosts' --max-requests-per-second and -MaxRequestsPerSecond,
    /// named by <paramref name="input"/> in the error); unchanged when none was given. The burst shrinks to
    /// one second's worth, so that a rate below the default holds from the first requests too.
    /// </summary>
    public LiveClientOptions WithMaxRequestsPerSecond(double? requestsPerSecond, string input)
    {
        if (requestsPerSecond is not { } rate)
        {
            return this;
        }
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new AmlRbacException(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument,
                $"{input} must be a positive number of requests per second; {rate.ToString(CultureInfo.InvariantCulture)} is not.", input);
        }
        return this with { RequestsPerSecond = rate, Burst = Math.Clamp((int)Math.Floor(rate), 1, Burst) };
    }

    /// <summary>
    /// When an x-ms-ratelimit-remaining-* header reports fewer requests left than this, the client pauses
    /// for <see cref="LowRemainingPause"/> before its next request. 25 is one second of ARM's refill.
    /// </summary>
    public long LowRemainingThreshold { get; init; } = 25;

    public TimeSpan LowRemainingPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Waits (backoff, Retry-After, pacing). Replaced in tests to record instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The clock for pacing, HTTP-date Retry-After values and the <see cref="Timeout"/>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The source of jitter.</summary>
    public Random Random { get; init; } = Random.Shared;
}
