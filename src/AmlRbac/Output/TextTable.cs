using System.Text;

namespace AmlRbac.Output;

/// <summary>
/// A plain-text table: a header row, then one row per item. Every column but the last is as wide as its
/// widest cell; the last one wraps in what room is left, or, when too little is left to read it, goes
/// on its own indented line under the row. A last-column cell may hold several lines ('\n').
/// </summary>
public static class TextTable
{
    private const string Gap = "  ";
    private const int LeastReadableWidth = 30;
    private const int OwnLineIndent = 4;

    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int width)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var last = headers.Count - 1;
        var widths = Enumerable.Range(0, last).Select(c => all.Max(r => r[c].Length)).ToArray();
        var lastStart = widths.Sum() + Gap.Length * last;
        var ownLine = width - lastStart < LeastReadableWidth;

        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var c = 0; c < last; c++)
            {
                line.Append(row[c].PadRight(widths[c])).Append(Gap);
            }
            if (ownLine)
            {
                text.AppendLine(line.ToString().TrimEnd());
                foreach (var wrapped in Wrapped(row[last], width - OwnLineIndent))
                {
                    text.Append(' ', OwnLineIndent).AppendLine(wrapped);
                }
                continue;
            }
            var lines = Wrapped(row[last], width - lastStart);
            text.AppendLine((line + lines[0]).TrimEnd());
            foreach (var wrapped in lines.Skip(1))
            {
                text.Append(' ', lastStart).AppendLine(wrapped);
            }
        }
        return text.ToString();
    }

    private static IReadOnlyList<string> Wrapped(string value, int width) =>
        value.Split('\n').SelectMany(part => part.Length == 0 ? new[] { string.Empty } : TextWrap.Wrap(part, width)).ToList();
}
