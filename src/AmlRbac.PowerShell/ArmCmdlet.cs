using System.Management.Automation;
using System.Security;

namespace AmlRbac.PowerShell;

/// <summary>
/// What every cmdlet that calls Azure Resource Manager takes, declared once so the parameters read the
/// same everywhere: the ARM URL (a sovereign cloud, or the emulator in tests) and a token for it. Both
/// come from the user's Az context when not given (Live/AzContext).
/// </summary>
public abstract class ArmCmdlet : PSCmdlet
{
    /// <summary>An ARM access token; without it, Get-AzAccessToken gives one.</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>The ARM URL; the Az context's cloud by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ArmUrl { get; set; }
}
