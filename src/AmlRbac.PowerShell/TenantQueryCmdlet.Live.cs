using System.Management.Automation;
using System.Security;
using AmlRbac.Evaluation;
using AmlRbac.Hosting;
using AmlRbac.PowerShell.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// -Live: the query cmdlets answer from live Azure. Principals may then be named by UPN, group or service
/// principal display name or appId (looked up in Microsoft Graph); each scope asked about is read once.
/// </summary>
public abstract partial class TenantQueryCmdlet
{
    private readonly LiveRunner _live = new();

    /// <summary>Answer from live Azure (ARM and Microsoft Graph), with the Az context's tokens unless -AccessToken is given.</summary>
    [Parameter]
    public SwitchParameter Live { get; set; }

    /// <summary>An ARM access token (with -Live); without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>A Microsoft Graph access token (with -Live); without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? GraphAccessToken { get; set; }

    /// <summary>The ARM URL (with -Live); the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ArmUrl { get; set; }

    /// <summary>The Microsoft Graph URL with its version (with -Live); the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? GraphUrl { get; set; }

    protected override void StopProcessing() => _live.Stop();

    private AccessEvaluator OpenLive()
    {
        var objectsGiven = MyInvocation.ExpectingInput || _position > 0;
        TenantChoice.CheckLiveAlone(SnapshotPaths(), objectsGiven ? _piped : null);
        var subjects = _subjects.ToList();
        var result = _live.Run(this, ArmUrl, GraphUrl, AccessToken, GraphAccessToken,
            (collector, progress, cancel) => LiveQuery.CollectAsync(collector, subjects, progress, cancel));
        _subjects.Clear();
        _subjects.AddRange(result.Subjects);
        WriteVerbose($"Read live Azure for {subjects.Count} subject(s) in {result.Requests} requests.");
        return new AccessEvaluator(TenantChoice.Live(result.Tenant, null, null).Tenant);
    }

    private void RejectLiveParameters()
    {
        var name = AccessToken is not null ? nameof(AccessToken)
            : GraphAccessToken is not null ? nameof(GraphAccessToken)
            : ArmUrl is not null ? nameof(ArmUrl)
            : GraphUrl is not null ? nameof(GraphUrl)
            : null;
        if (name is not null)
        {
            throw LiveSession.NeedsLive(name);
        }
    }
}
