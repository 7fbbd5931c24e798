using System.Text;

namespace AmlRbac.Output;

/// <summary>
/// Word wrapping for plain-text output. Azure scopes and operation names are single words longer than
/// a terminal line, so a word that does not fit on a line of its own is broken after a '/' (or, when
/// it has none, anywhere), never cut off.
/// </summary>
public static class TextWrap
{
    /// <summary>The text as lines of at most <paramref name="width"/> characters (at least 10).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        width = Math.Max(10, width);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            var separator = line.Length == 0 ? string.Empty : " ";
            if (line.Length + separator.Length + rest.Length <= width)
            {
                line.Append(separator).Append(rest);
                continue;
            }
            if (rest.Length <= width)
            {
                Flush(lines, line);
                line.Append(rest);
                continue;
            }
            // Too long for any line: fill the current line up to a '/', then go on with the rest.
            while (rest.Length > 0)
            {
                separator = line.Length == 0 ? string.Empty : " ";
                var room = width - line.Length - separator.Length;
                if (rest.Length <= room)
                {
                    line.Append(separator).Append(rest);
                    break;
                }
                var cut = BreakPoint(rest, room);
                if (cut == 0 && line.Length > 0)
                {
                    Flush(lines, line);
                    continue;
                }
                if (cut == 0)
                {
                    cut = room;
                }
                line.Append(separator).Append(rest, 0, cut);
                rest = rest[cut..];
                Flush(lines, line);
            }
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    // How many characters of the word to put on a line with this much room: up to and including the
    // last '/' that fits, or 0 when none does.
    private static int BreakPoint(string word, int room)
    {
        if (room <= 0)
        {
            return 0;
        }
        var slash = word.LastIndexOf('/', Math.Min(room, word.Length) - 1);
        return slash > 0 ? slash + 1 : 0;
    }

    private static void Flush(List<string> lines, StringBuilder line)
    {
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
            line.Clear();
        }
    }
}
