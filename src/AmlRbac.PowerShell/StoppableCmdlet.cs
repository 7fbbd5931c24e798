using System.Management.Automation;

namespace AmlRbac.PowerShell;

/// <summary>
/// A cmdlet whose work may take long (live Azure, waits for Azure): Ctrl+C calls StopProcessing, on
/// another thread, which cancels <see cref="Cancellation"/>; the cmdlet passes it to every engine call,
/// so the request in hand stops at once and nothing further is read or written. Declared once here so
/// that no cmdlet has a stop of its own.
/// </summary>
public abstract class StoppableCmdlet : PSCmdlet
{
    // Never disposed: a CancellationTokenSource without a timer or a linked token holds nothing to
    // release, and StopProcessing may still run while PowerShell disposes the cmdlet.
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancelled when the pipeline is stopped (Ctrl+C, or a PowerShell.Stop() of the host).</summary>
    protected CancellationToken Cancellation => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();
}
