using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell.Live;

/// <summary>
/// One live run of a cmdlet: endpoints and tokens taken from the parameters or the Az context (on the
/// pipeline thread), the engine's work on the thread pool, its progress written with Write-Progress on
/// the pipeline thread as it comes, and Ctrl+C (StopProcessing) cancelling it at once.
/// </summary>
internal sealed class LiveSession : IDisposable
{
    private const string Activity = "Reading Azure RBAC";

    private readonly PSCmdlet _cmdlet;
    private readonly CancellationTokenSource _cancel = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private LiveSession(PSCmdlet cmdlet, IAccessTokenSource tokens, LiveClientOptions options)
    {
        _cmdlet = cmdlet;
        Collector = LiveTenantCollector.Create(_http, tokens, options);
    }

    public LiveTenantCollector Collector { get; }

    /// <summary>A session for these endpoints; <paramref name="options"/> gives the client's options for them (the cmdlet's pace).</summary>
    public static LiveSession Open(PSCmdlet cmdlet, Uri? armUrl, Uri? graphUrl, SecureString? armToken, SecureString? graphToken,
        Func<AzureEndpoints, LiveClientOptions> options)
    {
        var endpoints = AzContext.Endpoints(cmdlet, armUrl, graphUrl);
        // Options first: a bad -MaxRequestsPerSecond fails before Get-AzAccessToken runs.
        var clientOptions = options(endpoints);
        return new LiveSession(cmdlet, AzContext.Tokens(cmdlet, endpoints, armToken, graphToken), clientOptions);
    }

    /// <summary>For -AccessToken, -ArmUrl ... given without -Live.</summary>
    public static AmlRbacException NeedsLive(string parameter) =>
        new(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument, $"-{parameter} goes with -Live: add -Live to read live Azure.", parameter);

    /// <summary>Runs the work; throws its AmlRbacException, or OperationCanceledException when stopped.</summary>
    public T Run<T>(Func<IProgress<CollectionProgress>, CancellationToken, Task<T>> work)
    {
        using var events = new BlockingCollection<CollectionProgress>();
        var progress = new QueuedProgress(events);
        var task = Task.Run(() => work(progress, _cancel.Token));
        task.ContinueWith(_ => events.CompleteAdding(), TaskScheduler.Default);
        foreach (var step in events.GetConsumingEnumerable())
        {
            _cmdlet.WriteProgress(new ProgressRecord(1, Activity, step.Scope is null ? $"Reading {step.Step}" : $"Reading {step.Step} at {step.Scope}")
            {
                CurrentOperation = $"Page {step.Page}, {step.Requests} requests so far",
            });
        }
        _cmdlet.WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Called from StopProcessing (another thread).</summary>
    public void Stop() => _cancel.Cancel();

    public void Dispose()
    {
        _http.Dispose();
        _cancel.Dispose();
    }

    private sealed class QueuedProgress : IProgress<CollectionProgress>
    {
        private readonly BlockingCollection<CollectionProgress> _events;

        public QueuedProgress(BlockingCollection<CollectionProgress> events) => _events = events;

        public void Report(CollectionProgress value) => _events.TryAdd(value);
    }
}
