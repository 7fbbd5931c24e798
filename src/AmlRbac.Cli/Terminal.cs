namespace AmlRbac.Cli;

/// <summary>Where the commands write: answers to <see cref="Out"/>, notes and errors to <see cref="Error"/>, tables wrapped at <see cref="Width"/>.</summary>
public sealed record Terminal(TextWriter Out, TextWriter Error, int Width)
{
    /// <summary>True when stderr is a terminal (not redirected): only then do long commands draw a progress line.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The width when output goes to a pipe or file, within the 80-100 columns tables are written for.</summary>
    public const int DefaultWidth = 100;

    /// <summary>One plain line on stderr, prefixed like every amlrbac error, however many lines the message had.</summary>
    public void Fail(string message) =>
        Error.WriteLine("amlrbac: " + string.Join(" ", message.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())));
}
