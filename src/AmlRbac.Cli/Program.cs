using AmlRbac.Cli;

// A terminal gets lines as wide as its window; a pipe or file gets lines of a fixed, readable width.
// Some terminals do not report a width (0): they get the fixed width too.
var width = !Console.IsOutputRedirected && Console.WindowWidth > 0 ? Console.WindowWidth : Terminal.DefaultWidth;
return AmlRbacCommand.Run(args, new Terminal(Console.Out, Console.Error, width) { ErrorIsTerminal = !Console.IsErrorRedirected });
