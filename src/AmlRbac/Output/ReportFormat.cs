using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>How an access report is written: a page for a browser, Markdown for a wiki or a pull request, CSV for a spreadsheet.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
    Csv,
}

/// <summary>The report formats by the names users type (-Format, --format), and the one renderer each names.</summary>
public static class ReportFormats
{
    /// <summary>The names, lower case, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<ReportFormat>().Select(n => n.ToLowerInvariant()).ToList();

    /// <summary>A format by name, case-insensitive; ReportFormatInvalid naming the input and the formats otherwise.</summary>
    public static ReportFormat Parse(string? name, string input)
    {
        var text = name?.Trim() ?? string.Empty;
        return Enum.GetNames<ReportFormat>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<ReportFormat>(found)
            : throw new AmlRbacException(ErrorIds.ReportFormatInvalid, FailureCategory.InvalidArgument,
                $"{input} '{name}' is not a report format: use {string.Join(", ", Names)}.", name);
    }

    /// <summary>The report as text in the format.</summary>
    public static string Render(AccessReport report, ReportFormat format) => format switch
    {
        ReportFormat.Html => AccessReportHtml.Render(report),
        ReportFormat.Markdown => AccessReportMarkdown.Render(report),
        ReportFormat.Csv => AccessReportCsv.Render(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "A report format with no renderer."),
    };
}
