using System.Text;

namespace AmlRbac.Output;

/// <summary>
/// Fitting plain text into a width. Azure scopes and operation names are single words longer than a
/// terminal line or a column, and what tells them apart is their end (".../workspaces/computes/write",
/// ".../resourceGroups/rg-ml/providers/.../mlw-prod"): <see cref="Wrap"/> breaks such a word after a
/// '/' (or, when it has none, anywhere) and loses nothing; <see cref="Shorten"/>, for a column of one
/// line, drops its beginning and keeps its end.
/// </summary>
public static class TextWrap
{
    /// <summary>What stands for the parts <see cref="Shorten"/> left out.</summary>
    public const string Ellipsis = "...";

    private const int LeastWidth = 10;
    private const string Bullet = "- ";

    /// <summary>The text as lines of at most <paramref name="width"/> characters (at least 10).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        width = Math.Max(LeastWidth, width);
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

    /// <summary>
    /// The text in at most <paramref name="width"/> characters (at least 10), shortened from the left: the
    /// beginning gives way to <see cref="Ellipsis"/> at a '/', so what is kept starts with a whole part of the
    /// path; a last part longer than the width keeps its end. Null is the empty string (an empty cell).
    /// </summary>
    public static string Shorten(string? text, int width)
    {
        if (text is null)
        {
            return string.Empty;
        }
        width = Math.Max(LeastWidth, width);
        if (text.Length <= width)
        {
            return text;
        }
        var room = width - Ellipsis.Length;
        // The first '/' from which the rest fits: as many whole parts of the end as the width holds.
        var slash = text.IndexOf('/', text.Length - room);
        return slash >= 0 && slash < text.Length - 1
            ? Ellipsis + text[slash..]
            : Ellipsis + text[^room..];
    }

    /// <summary>
    /// Items as a bulleted list of lines of at most <paramref name="width"/> characters: each starts with "- ",
    /// and its wrapped lines are indented under its first word.
    /// </summary>
    public static IReadOnlyList<string> Bullets(IEnumerable<string> items, int width) =>
        items.SelectMany(item => Wrap(Bullet + item, width - Bullet.Length)
            .Select((line, i) => i == 0 ? line : new string(' ', Bullet.Length) + line))
            .ToList();

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
