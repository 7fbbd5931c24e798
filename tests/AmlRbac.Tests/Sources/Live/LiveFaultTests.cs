using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>Each fault the emulator injects either recovers, or fails the whole export with a clear error and no file.</summary>
public sealed class LiveFaultTests
{
    private const string Assignments = "/Microsoft.Authorization/roleAssignments";
    private static readonly Scope ContosoMl = Scope.ForManagementGroup("contoso-ml");

    [Fact]
    public async Task ThrottleWithRetryAfterSecondsIsWaitedOut()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.Throttle(Assignments, TimeSpan.FromSeconds(7), times: 2));
        await AssertRecoversAsync(harness);
        Assert.Equal(2, harness.Clock.Waits.Count(w => w == TimeSpan.FromSeconds(7)));
        Assert.Equal(3, harness.Emulator.Requests.Count(r => r.Path.EndsWith("roleAssignments", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ThrottleWithRetryAfterDateIsWaitedOut()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ThrottleUntil(Assignments, harness.Clock.GetUtcNow().AddSeconds(42)));
        await AssertRecoversAsync(harness);
        Assert.Contains(TimeSpan.FromSeconds(42), harness.Clock.Waits);
    }

    [Fact]
    public async Task ThrottleInsideAGraphBatchIsRetried()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.Throttle("/members", TimeSpan.FromSeconds(3)));
        await AssertRecoversAsync(harness);
        Assert.Contains(TimeSpan.FromSeconds(3), harness.Clock.Waits);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerErrorsAreRetriedWithBackoff(int status)
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ServerError(Assignments, status, times: 3));
        await AssertRecoversAsync(harness);
        // Capped exponential backoff with jitter: 1 s, 2 s, 4 s, each with up to half taken off.
        var waits = harness.Clock.Waits.Where(w => w >= TimeSpan.FromMilliseconds(500)).Take(3).ToList();
        Assert.Equal(3, waits.Count);
        Assert.InRange(waits[0].TotalSeconds, 0.5, 1);
        Assert.InRange(waits[1].TotalSeconds, 1, 2);
        Assert.InRange(waits[2].TotalSeconds, 2, 4);
    }

    [Fact]
    public async Task ADroppedConnectionIsRetried()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.DropConnection("/getEntities"));
        await AssertRecoversAsync(harness);
    }

    [Fact]
    public async Task AServerErrorThatNeverEndsFailsNamingTheRequestAndCorrelationId()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ServerError(Assignments, 500, Fault.Forever));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmRequestFailed, FailureCategory.ResourceUnavailable);
        var last = harness.Emulator.Requests.Last(r => r.Path.EndsWith("roleAssignments", StringComparison.Ordinal));
        Assert.Contains("GET /providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01", error.Message);
        Assert.Contains("x-ms-correlation-request-id " + last.CorrelationId, error.Message);
        Assert.Contains("InternalServerError", error.Message);
        Assert.Contains("after 6 attempts", error.Message);
    }

    [Fact]
    public async Task AConnectionThatAlwaysDropsFails()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.DropConnection("/denyAssignments", Fault.Forever));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmRequestFailed, FailureCategory.ConnectionError);
        Assert.Contains("denyAssignments", error.Message);
    }

    [Fact]
    public async Task AnExpiredTokenFailsAtOnceWithoutRetrying()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ExpiredToken(Assignments, Fault.Forever));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError);
        Assert.Contains("ExpiredAuthenticationToken", error.Message);
        // Azure's own full stop and the message's are one, not two.
        Assert.DoesNotContain("..", error.Message);
        Assert.Contains(". The access token was refused", error.Message);
        Assert.Single(harness.Emulator.Requests, r => r.Path.EndsWith("roleAssignments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AForbiddenReadFailsNamingWhatIsMissing()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.Forbidden("/denyAssignments"));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmForbidden, FailureCategory.PermissionDenied);
        Assert.Contains("AuthorizationFailed", error.Message);
    }

    [Theory]
    [InlineData(BrokenLink.NotAUrl, "not an absolute")]
    [InlineData(BrokenLink.OtherHost, "another host")]
    [InlineData(BrokenLink.Loop, "repeats an earlier page")]
    public async Task ABrokenNextLinkFailsTheExport(BrokenLink link, string expected)
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        harness.Emulator.Faults.Add(Fault.BreakNextLink(Assignments, link));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmResponseInvalid, FailureCategory.InvalidData);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Query.Contains("evil", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ASlowAnswerPastTheTimeoutFailsWithArmTimeout()
    {
        await using var harness = await LiveHarness.StartAsync(configure: o => o with
        {
            Clock = TimeProvider.System,
            Delay = Task.Delay,
            Timeout = TimeSpan.FromMilliseconds(400),
        });
        harness.Emulator.Faults.Add(Fault.Slow("/getEntities", TimeSpan.FromSeconds(30), Fault.Forever));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmTimeout, FailureCategory.OperationTimeout);
        Assert.Contains("getEntities", error.Message);
    }

    [Fact]
    public async Task ThrottleLongerThanTheTimeoutFailsAtOnce()
    {
        await using var harness = await LiveHarness.StartAsync(configure: o => o with { Timeout = TimeSpan.FromSeconds(10) });
        harness.Emulator.Faults.Add(Fault.Throttle(Assignments, TimeSpan.FromMinutes(5)));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmThrottled, FailureCategory.LimitsExceeded);
        Assert.Contains("300 s", error.Message);
    }

    [Fact]
    public async Task ThrottleInsideAGraphBatchLongerThanTheTimeoutFailsAtOnce()
    {
        await using var harness = await LiveHarness.StartAsync(configure: o => o with { Timeout = TimeSpan.FromSeconds(10) });
        harness.Emulator.Faults.Add(Fault.Throttle("/members", TimeSpan.FromMinutes(5), Fault.Forever));
        var error = await AssertFailsWholeAsync(harness, ErrorIds.ArmThrottled, FailureCategory.LimitsExceeded);
        Assert.Contains("Microsoft Graph answered 429", error.Message);
        Assert.Contains("/members", error.Message);
        Assert.Contains("300 s", error.Message);
        Assert.DoesNotContain(harness.Clock.Waits, w => w >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task FewRemainingReadsMakeTheClientPause()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.LowRemaining("/getEntities", remaining: 3));
        await AssertRecoversAsync(harness);
        Assert.Contains(harness.Options.LowRemainingPause, harness.Clock.Waits);
    }

    [Fact]
    public async Task TheClientNeverExceedsItsRequestRate()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 1, configure: o => o with { RequestsPerSecond = 2, Burst = 1 });
        var started = harness.Clock.GetTimestamp();
        await AssertRecoversAsync(harness);
        var elapsed = harness.Clock.GetElapsedTime(started);
        // The pace holds per API (ARM's limits are ARM's); ARM's requests alone show it.
        var requests = harness.Emulator.Requests.Count(r => !r.IsGraph);
        Assert.True(requests > 20, $"only {requests} requests");
        // The first request goes at once; each further one waits its turn at 2 a second.
        Assert.True(elapsed.TotalSeconds >= (requests - 1) / 2.0 - 0.001, $"{requests} requests in {elapsed.TotalSeconds} s");
    }

    [Fact]
    public async Task AUserPaceBelowTheDefaultHoldsFromTheFirstRequests()
    {
        // The user's 2 a second shrinks the burst to 2: with the default 16, the first 16 would go at once.
        await using var harness = await LiveHarness.StartAsync(pageSize: 1, configure: o => o.WithMaxRequestsPerSecond(2, "-MaxRequestsPerSecond"));
        var started = harness.Clock.GetTimestamp();
        await AssertRecoversAsync(harness);
        var elapsed = harness.Clock.GetElapsedTime(started);
        var requests = harness.Emulator.Requests.Count(r => !r.IsGraph);
        Assert.True(requests > 20, $"only {requests} requests");
        Assert.True(elapsed.TotalSeconds >= (requests - 2) / 2.0 - 0.001, $"{requests} requests in {elapsed.TotalSeconds} s");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void APaceThatIsNotAPositiveNumberIsRefusedNamingTheInput(double rate)
    {
        var error = Assert.Throws<AmlRbacException>(() => LiveClientOptions.Default.WithMaxRequestsPerSecond(rate, "-MaxRequestsPerSecond"));
        Assert.Equal(ErrorIds.LiveParameterInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.StartsWith("-MaxRequestsPerSecond must be a positive number", error.Message);
    }

    [Fact]
    public async Task CancellingStopsTheExportAndWritesNoFile()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 1);
        using var cancel = new CancellationTokenSource();
        var path = TempPath();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Step == "role assignments")
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path, progress, cancel.Token));
        Assert.False(File.Exists(path));
        // Nor is a spool of the assignments read so far left beside it.
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*" + Path.GetFileName(path) + "*"));
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Path.EndsWith("denyAssignments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMissingOutputFolderFailsBeforeAnyRequest()
    {
        await using var harness = await LiveHarness.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), "amlrbac-missing-" + Guid.NewGuid().ToString("N"), "f.json");

        var error = await Assert.ThrowsAsync<AmlRbacException>(() => LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path));

        Assert.Equal(ErrorIds.SnapshotWriteFailed, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Empty(harness.Emulator.Requests);
    }

    internal static string TempPath() => Path.Combine(Path.GetTempPath(), $"amlrbac-live-{Guid.NewGuid():N}.json");

    private static async Task AssertRecoversAsync(LiveHarness harness)
    {
        var path = TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path);
            Assert.Equal(LiveTenantComparison.Canonical(AmlRbac.Sources.SampleTenant.Load()), LiveTenantComparison.Canonical(AmlRbac.Sources.SnapshotReader.Read(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // A failed export leaves no new file and an earlier file as it was.
    internal static async Task<AmlRbacException> AssertFailsWholeAsync(LiveHarness harness, string errorId, FailureCategory category)
    {
        var path = TempPath();
        var earlier = "{\"schemaVersion\":1}";
        File.WriteAllText(path, earlier);
        try
        {
            var error = await Assert.ThrowsAsync<AmlRbacException>(() => LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path));
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(category, error.Category);
            Assert.Equal(earlier, File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*" + Path.GetFileName(path) + "*"));
            Assert.DoesNotContain(LiveHarness.ArmToken, error.ToString());
            return error;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Progress reported on the reporting thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SynchronousProgress : IProgress<CollectionProgress>
{
    private readonly Action<CollectionProgress> _report;

    public SynchronousProgress(Action<CollectionProgress> report) => _report = report;

    public void Report(CollectionProgress value) => _report(value);
}
