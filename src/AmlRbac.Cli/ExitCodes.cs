namespace AmlRbac.Cli;

/// <summary>The exit codes scripts test: a contract.</summary>
public static class ExitCodes
{
    /// <summary>The command ran; for test, the answer is Allowed.</summary>
    public const int Success = 0;

    /// <summary>test only: the answer is NotGranted, Denied, Conditional or Eligible.</summary>
    public const int NotAllowed = 1;

    /// <summary>Bad input: unknown option, bad scope, unknown action or activity, missing or malformed snapshot.</summary>
    public const int BadInput = 2;

    /// <summary>workspace-identity only: the run finished, and at least one workspace failed (each is a line on stderr).</summary>
    public const int WorkspacesFailed = 3;
}
