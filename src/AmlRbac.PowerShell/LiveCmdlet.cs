using System.Management.Automation;
using System.Security;
using AmlRbac.PowerShell.Live;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// A cmdlet that reads a tenant from live Azure, ARM and Microsoft Graph: the Graph URL and token beside
/// the ARM ones, and one collection run at a time that Ctrl+C (StopProcessing) stops at once.
/// </summary>
public abstract class LiveCmdlet : ArmCmdlet
{
    private readonly LiveRunner _live = new();

    /// <summary>A Microsoft Graph access token; without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? GraphAccessToken { get; set; }

    /// <summary>The Microsoft Graph URL with its version; the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? GraphUrl { get; set; }

    protected override void StopProcessing() => _live.Stop();

    /// <summary>Runs the work with the endpoints, tokens and pace of these parameters (else the Az context's and the defaults).</summary>
    protected T RunLive<T>(Func<LiveTenantCollector, IProgress<CollectionProgress>, CancellationToken, Task<T>> work) =>
        _live.Run(this, ArmUrl, GraphUrl, AccessToken, GraphAccessToken, ClientOptions, work);
}
