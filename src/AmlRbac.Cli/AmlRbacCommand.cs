using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using AmlRbac.Cli.Commands;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli;

/// <summary>
/// The amlrbac root command: its subcommands, and the one place where bad input becomes exit code 2
/// with one plain line on stderr, whether the parser or the engine found it.
/// </summary>
public static class AmlRbacCommand
{
    /// <summary>The name users type (the tool's command name), which usage lines show; RootCommand would show the assembly's.</summary>
    public const string Name = "amlrbac";

    public static Command Create(Terminal terminal)
    {
        var root = new Command(Name, "Who can do what in an Azure Machine Learning workspace, and why. Answers offline " +
            "from a snapshot file (--snapshot), or from the built-in Contoso sample tenant when none is given.")
        {
            // Help is wrapped like the answers, also when piped (the default would not wrap it then).
            new HelpOption { Action = new HelpAction { MaxWidth = terminal.Width } },
            new VersionOption(),
        };
        root.Subcommands.Add(TestCommand.Create(terminal));
        root.Subcommands.Add(AccessCommand.Create(terminal));
        root.Subcommands.Add(WhoCommand.Create(terminal));
        root.Subcommands.Add(CatalogCommand.Create(terminal));
        root.Subcommands.Add(PolicyCommand.Create(terminal));
        root.Subcommands.Add(RoleCommand.Create(terminal));
        root.Subcommands.Add(ExportCommand.Create(terminal));
        root.Subcommands.Add(ReportCommand.Create(terminal));
        root.Subcommands.Add(WorkspaceIdentityCommand.Create(terminal));
        root.Subcommands.Add(PostureCommand.Create(terminal));
        return root;
    }

    /// <param name="cancellationToken">Cancelled on Ctrl+C (Program wires it): live reads stop at once and write nothing.</param>
    public static int Run(string[] args, Terminal terminal, CancellationToken cancellationToken = default)
    {
        // Notes (the sample-tenant note) are held back until the command succeeds, so that bad input
        // still gives exactly one line on stderr.
        var notes = new StringWriter();
        var parsed = Create(terminal with { Error = notes }).Parse(args);
        // Help and version clear parse errors; anything else with errors is bad input.
        if (parsed.Action is ParseErrorAction)
        {
            terminal.Fail(string.Join(" ", parsed.Errors.Select(e => Sentence(e.Message))) + $" See '{CommandPath(parsed.CommandResult)} --help'.");
            return ExitCodes.BadInput;
        }
        try
        {
            // Ctrl+C comes in as cancellationToken (Program), not through the parser's own signal handling.
            var configuration = new InvocationConfiguration { Output = terminal.Out, Error = notes, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            var exitCode = parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
            terminal.Error.Write(notes.ToString());
            return exitCode;
        }
        catch (AmlRbacException exception)
        {
            terminal.Fail(exception.Message);
            return ExitCodes.For(exception);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C during a live read: nothing was written.
            terminal.Fail("Stopped; nothing was written.");
            return ExitCodes.Stopped;
        }
    }

    // Some parser messages end without a full stop; several are joined on one line.
    private static string Sentence(string message)
    {
        var text = message.Trim();
        return text.EndsWith('.') || text.EndsWith('?') ? text : text + ".";
    }

    // "amlrbac catalog roles": the command the user was typing, for the help hint.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as CommandResult)
        {
            names.Insert(0, current.Command.Name);
        }
        return string.Join(" ", names);
    }
}
