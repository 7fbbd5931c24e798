using System.Management.Automation;
using System.Security;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell.Live;

/// <summary>
/// A cmdlet's live work: a session opened for it and closed after it, and kept in hand meanwhile so
/// StopProcessing (another thread) can stop it.
/// </summary>
internal sealed class LiveRunner
{
    private LiveSession? _current;

    /// <summary>Throws the work's AmlRbacException, or OperationCanceledException when stopped.</summary>
    public T Run<T>(PSCmdlet cmdlet, Uri? armUrl, Uri? graphUrl, SecureString? armToken, SecureString? graphToken,
        Func<AzureEndpoints, LiveClientOptions> options, Func<LiveTenantCollector, IProgress<CollectionProgress>, CancellationToken, Task<T>> work)
    {
        var session = _current = LiveSession.Open(cmdlet, armUrl, graphUrl, armToken, graphToken, options);
        try
        {
            return session.Run((progress, cancel) => work(session.Collector, progress, cancel));
        }
        finally
        {
            _current = null;
            session.Dispose();
        }
    }

    /// <summary>Called from StopProcessing (another thread).</summary>
    public void Stop() => _current?.Stop();
}
