using AmlRbac.Model;

namespace AmlRbac.Cli;

/// <summary>The exit codes scripts test: a contract.</summary>
public static class ExitCodes
{
    /// <summary>The command ran; for test, the answer is Allowed.</summary>
    public const int Success = 0;

    /// <summary>test only: the answer is NotGranted, Denied, Conditional, Eligible or (with --model) Unknown.</summary>
    public const int NotAllowed = 1;

    /// <summary>
    /// role new and role lint: a finding at error severity (invalid JSON is one for lint); role compare, and
    /// role new with --reference-role: the role grants a catalog operation the reference does not.
    /// </summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: unknown option, bad scope, unknown action or activity, missing or malformed snapshot.</summary>
    public const int BadInput = 2;

    /// <summary>Live Azure failed: a request was refused or kept failing, timed out, or answered something unusable.</summary>
    public const int AzureFailed = 3;

    /// <summary>Stopped with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Stopped = 130;

    /// <summary>The exit code for an engine error: <see cref="AzureFailed"/> for the live source's errors, else <see cref="BadInput"/>.</summary>
    public static int For(AmlRbacException exception) => exception.ErrorId switch
    {
        ErrorIds.ArmRequestFailed or ErrorIds.ArmThrottled or ErrorIds.ArmUnauthorized or ErrorIds.ArmForbidden
            or ErrorIds.ArmTimeout or ErrorIds.ArmResponseInvalid => AzureFailed,
        _ => BadInput,
    };

    /// <summary>workspace-identity only: the run finished, and at least one workspace failed (each is a line on stderr).</summary>
    public const int WorkspacesFailed = 4;

    /// <summary>posture only: a rule of Error severity fails on at least one workspace.</summary>
    public const int PostureFailed = 1;
}
