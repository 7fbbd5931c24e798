using System.Diagnostics;
using AmlRbac.Cli;
using AmlRbac.Questions;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Cli;

/// <summary>What one amlrbac run gave: exit code, stdout, stderr.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>
/// Runs amlrbac: in process (fast, for most tests), or as the built AmlRbac.Cli.dll in its own
/// process (for what only a real process shows: the exit code the shell sees, and nothing more on
/// stderr than the one line). The test project references the CLI, so the dll sits next to the tests.
/// </summary>
public static class CliRunner
{
    public const int Width = Terminal.DefaultWidth;

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "AmlRbac.Cli.dll");

    public static CliResult InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = AmlRbacCommand.Run(args, new Terminal(output, error, Width));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Each argument list in its own process, as many at once as there are cores (a process start costs most of the time).</summary>
    public static IReadOnlyList<CliResult> InProcesses(IReadOnlyList<IReadOnlyList<string>> argumentLists)
    {
        var results = new CliResult[argumentLists.Count];
        Parallel.For(0, argumentLists.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = InOwnProcess(argumentLists[i]));
        return results;
    }

    private static CliResult InOwnProcess(IReadOnlyList<string> args)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException("The CLI is not next to the tests: the test project must reference AmlRbac.Cli.", DllPath);
        }
        // The dotnet CLI tells the processes it starts where the host is; outside it, dotnet is on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"amlrbac {string.Join(' ', args)} did not finish in 60 s.");
        }
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }
}
