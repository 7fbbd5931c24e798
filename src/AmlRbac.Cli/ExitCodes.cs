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
}
