using AmlRbac.Cli;
using AmlRbac.Sources.Live;

// A terminal gets lines as wide as its window; a pipe or file gets lines of a fixed, readable width.
// Some terminals do not report a width (0): they get the fixed width too.
var width = !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : Terminal.DefaultWidth;
// Ctrl+C cancels a live read (which then writes nothing) instead of killing the process mid-write.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return AmlRbacCommand.Run(args, new Terminal(Console.Out, Console.Error, width) { ErrorIsTerminal = !Console.IsErrorRedirected }, stop.Token);
