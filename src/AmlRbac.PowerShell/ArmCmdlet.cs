using System.Management.Automation;
using System.Security;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// What every cmdlet that calls Azure Resource Manager takes, declared once so the parameters read the
/// same everywhere: the ARM URL (a sovereign cloud, or the emulator in tests) and a token for it, both
/// from the user's Az context when not given (Live/AzContext), and the pace of the requests.
/// </summary>
public abstract class ArmCmdlet : StoppableCmdlet
{
    /// <summary>An ARM access token; without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>The ARM URL; the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ArmUrl { get; set; }

    private double? _maxRequestsPerSecond;

    /// <summary>The most requests a second sent to each API; the live client's default (8) when not given.</summary>
    [Parameter]
    public double MaxRequestsPerSecond
    {
        get => _maxRequestsPerSecond ?? 0;
        set => _maxRequestsPerSecond = value;
    }

    /// <summary>-MaxRequestsPerSecond when the user gave it (0 included, which is an error), else null: PowerShell sets a parameter only when it is bound.</summary>
    protected double? GivenMaxRequestsPerSecond => _maxRequestsPerSecond;

    /// <summary>
    /// The connection to these endpoints at -MaxRequestsPerSecond (LiveConnection: the same for every host);
    /// <paramref name="tokens"/> is asked only once the pace is checked, so a bad -MaxRequestsPerSecond costs
    /// no Get-AzAccessToken. Ctrl+C (<see cref="StoppableCmdlet.Cancellation"/>) stops its work. Throws LiveParameterInvalid.
    /// </summary>
    protected LiveConnection OpenConnection(AzureEndpoints endpoints, Func<AzureEndpoints, IAccessTokenSource> tokens) =>
        LiveConnection.Open(endpoints, GivenMaxRequestsPerSecond, "-" + nameof(MaxRequestsPerSecond), tokens, Cancellation);
}
