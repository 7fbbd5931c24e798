using System.Text;

namespace AmlRbac.Sources;

/// <summary>
/// The rows of a CSV text as RFC 4180 writes them (https://www.rfc-editor.org/rfc/rfc4180): fields separated by
/// commas, a field in double quotes when it holds a comma, a quote (doubled) or a line break. The Log Analytics
/// export ("Export to CSV") writes this; its Authorization_d cells hold JSON, full of commas and quotes.
/// </summary>
internal static class CsvRows
{
    /// <summary>The rows, each a list of fields; blank lines are skipped. Throws FormatException for a quote left open.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException("a quoted field is not closed before the end of the file");
        }
        EndRow();
        return rows;

        void EndRow()
        {
            if (fieldStarted || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }
            row = new List<string>();
            field.Clear();
            fieldStarted = false;
        }
    }
}
