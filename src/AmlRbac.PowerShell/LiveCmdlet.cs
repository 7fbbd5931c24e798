using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security;
using AmlRbac.PowerShell.Live;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// A cmdlet that reads a tenant from live Azure, ARM and Microsoft Graph: the Graph URL and token beside
/// the ARM ones, and the collection run on the thread pool while its progress is written with
/// Write-Progress on the pipeline thread as it comes; Ctrl+C (StopProcessing) stops it at once.
/// </summary>
public abstract class LiveCmdlet : ArmCmdlet
{
    private const string Activity = "Reading Azure RBAC";

    /// <summary>A Microsoft Graph access token; without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? GraphAccessToken { get; set; }

    /// <summary>The Microsoft Graph URL with its version; the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? GraphUrl { get; set; }

    /// <summary>
    /// Runs the work with the endpoints, tokens and pace of these parameters (else the Az context's and the
    /// defaults). Throws the work's AmlRbacException, or OperationCanceledException when stopped.
    /// </summary>
    protected T RunLive<T>(Func<LiveTenantCollector, IProgress<CollectionProgress>, CancellationToken, Task<T>> work)
    {
        // Endpoints and tokens are asked on the pipeline thread: Get-AzContext and Get-AzAccessToken run in this session.
        var endpoints = AzContext.Endpoints(this, ArmUrl, GraphUrl);
        using var connection = OpenConnection(endpoints, e => AzContext.Tokens(this, e, AccessToken, GraphAccessToken));
        using var events = new BlockingCollection<CollectionProgress>();
        var progress = new QueuedProgress(events);
        var task = Task.Run(() => work(connection.Collector, progress, connection.Cancellation));
        task.ContinueWith(_ => events.CompleteAdding(), TaskScheduler.Default);
        foreach (var step in events.GetConsumingEnumerable())
        {
            WriteProgress(new ProgressRecord(1, Activity, step.Scope is null ? $"Reading {step.Step}" : $"Reading {step.Step} at {step.Scope}")
            {
                CurrentOperation = $"Page {step.Page}, {step.Requests} requests so far",
            });
        }
        WriteProgress(new ProgressRecord(1, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        return task.GetAwaiter().GetResult();
    }

    // WriteProgress may only be called on the pipeline thread: the engine's reports wait in a queue for it.
    private sealed class QueuedProgress : IProgress<CollectionProgress>
    {
        private readonly BlockingCollection<CollectionProgress> _events;

        public QueuedProgress(BlockingCollection<CollectionProgress> events) => _events = events;

        public void Report(CollectionProgress value) => _events.TryAdd(value);
    }
}
