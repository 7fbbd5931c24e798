using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli.Live;

/// <summary>
/// One progress line on stderr, rewritten in place ("\r"), only when stderr is a terminal: in a pipe or
/// a log it would be noise. <see cref="Done"/> clears it before the answer or an error is written.
/// </summary>
internal sealed class StderrProgress : IProgress<CollectionProgress>
{
    private readonly Terminal _terminal;
    private int _width;

    public StderrProgress(Terminal terminal) => _terminal = terminal;

    public void Report(CollectionProgress value)
    {
        if (!_terminal.ErrorIsTerminal)
        {
            return;
        }
        var where = value.Scope is null ? string.Empty : " at " + value.Scope;
        var line = $"reading {value.Step}{where}, page {value.Page} ({value.Requests} requests)";
        if (line.Length > _terminal.Width - 1)
        {
            line = line[..(_terminal.Width - 2)] + "…";
        }
        _terminal.Error.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    public void Done()
    {
        if (_terminal.ErrorIsTerminal && _width > 0)
        {
            _terminal.Error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
