namespace AmlRbac.ArmEmulator;

/// <summary>What goes wrong with a request that a <see cref="Fault"/> matches.</summary>
public enum FaultKind
{
    /// <summary>429 Too Many Requests with Retry-After in seconds or as an HTTP date.</summary>
    Throttle,
    /// <summary>500, 503 or another error status with an ARM error body.</summary>
    ServerError,
    /// <summary>The answer comes after <see cref="Fault.Delay"/>.</summary>
    Slow,
    /// <summary>The connection is closed without an answer.</summary>
    DropConnection,
    /// <summary>The page is served, but its nextLink is replaced (<see cref="BrokenLink"/>).</summary>
    BrokenNextLink,
    /// <summary>401 as for an expired token.</summary>
    ExpiredToken,
    /// <summary>403 AuthorizationFailed with ARM's error body.</summary>
    Forbidden,
    /// <summary>The answer is served with x-ms-ratelimit-remaining-subscription-reads set to <see cref="Fault.Remaining"/>.</summary>
    LowRemaining,
}

/// <summary>How a <see cref="FaultKind.BrokenNextLink"/> breaks the link.</summary>
public enum BrokenLink
{
    /// <summary>Not a URL: the literal "nextLink", as in the spec's own example (Workspace listByResourceGroup.json).</summary>
    NotAUrl,
    /// <summary>The right path on another host: a client must not send its token there.</summary>
    OtherHost,
    /// <summary>A link back to the page just served, which would loop forever.</summary>
    Loop,
}

/// <summary>
/// One planned failure: which requests it hits (method and a piece of the path, case-insensitive; Graph
/// requests inside a $batch are matched by their own URL, for <see cref="FaultKind.Throttle"/> and
/// <see cref="FaultKind.ServerError"/>), how many times, and what happens.
/// </summary>
public sealed record Fault
{
    /// <summary>For <see cref="Times"/>: the fault never wears off.</summary>
    public const int Forever = int.MaxValue;

    public required FaultKind Kind { get; init; }

    /// <summary>A piece of the request's path and query; "" matches every request.</summary>
    public string PathContains { get; init; } = string.Empty;

    /// <summary>GET, POST ...; null matches every method.</summary>
    public string? Method { get; init; }

    /// <summary>How many matching requests it hits before it wears off.</summary>
    public int Times { get; init; } = 1;

    public int Status { get; init; } = 500;
    public TimeSpan? RetryAfter { get; init; }
    public DateTimeOffset? RetryAfterDate { get; init; }
    public TimeSpan Delay { get; init; }
    public BrokenLink Link { get; init; }
    public long Remaining { get; init; }

    public static Fault Throttle(string pathContains, TimeSpan retryAfter, int times = 1) =>
        new() { Kind = FaultKind.Throttle, PathContains = pathContains, RetryAfter = retryAfter, Times = times, Status = 429 };

    public static Fault ThrottleUntil(string pathContains, DateTimeOffset retryAfter, int times = 1) =>
        new() { Kind = FaultKind.Throttle, PathContains = pathContains, RetryAfterDate = retryAfter, Times = times, Status = 429 };

    public static Fault ServerError(string pathContains, int status = 500, int times = 1) =>
        new() { Kind = FaultKind.ServerError, PathContains = pathContains, Status = status, Times = times };

    public static Fault Slow(string pathContains, TimeSpan delay, int times = 1) =>
        new() { Kind = FaultKind.Slow, PathContains = pathContains, Delay = delay, Times = times };

    public static Fault DropConnection(string pathContains, int times = 1) =>
        new() { Kind = FaultKind.DropConnection, PathContains = pathContains, Times = times };

    public static Fault BreakNextLink(string pathContains, BrokenLink link, int times = 1) =>
        new() { Kind = FaultKind.BrokenNextLink, PathContains = pathContains, Link = link, Times = times };

    public static Fault ExpiredToken(string pathContains = "", int times = 1) =>
        new() { Kind = FaultKind.ExpiredToken, PathContains = pathContains, Status = 401, Times = times };

    public static Fault Forbidden(string pathContains, int times = 1) =>
        new() { Kind = FaultKind.Forbidden, PathContains = pathContains, Status = 403, Times = times };

    public static Fault LowRemaining(string pathContains, long remaining, int times = 1) =>
        new() { Kind = FaultKind.LowRemaining, PathContains = pathContains, Remaining = remaining, Times = times };

    internal bool Matches(string method, string pathAndQuery) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && pathAndQuery.Contains(PathContains, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The faults planned for an emulator; each is used up as it hits requests. Thread-safe.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Left)> _faults = new();
    private int _hits;

    /// <summary>How many requests a planned fault has hit so far; a test waits on it to act while a slow request is in flight.</summary>
    public int Hits => Volatile.Read(ref _hits);

    public void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>The first planned fault that matches the request, used once; null when none does.</summary>
    internal Fault? Take(string method, string pathAndQuery, Func<Fault, bool>? applies = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var (fault, left) = _faults[i];
                if (!fault.Matches(method, pathAndQuery) || (applies is not null && !applies(fault)))
                {
                    continue;
                }
                if (left == 1)
                {
                    _faults.RemoveAt(i);
                }
                else if (left != Fault.Forever)
                {
                    _faults[i] = (fault, left - 1);
                }
                Interlocked.Increment(ref _hits);
                return fault;
            }
            return null;
        }
    }
}
