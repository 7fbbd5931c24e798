using AmlRbac.Output;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Format with the report formats (html, markdown, csv).</summary>
public sealed class ReportFormatCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => ReportFormats.Names;

    protected override string? Describe(string name) => null;
}
