using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Policy;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Export-AmlAccessReport: a tenant's access at a scope, workspace by workspace (AccessReportQuestion), as a
/// self-contained HTML page, Markdown or CSV (Output), written to the pipeline as text or, with -Path, to a file
/// whole or not at all; an existing file is kept unless -Force (ReportFile). The tenant comes from where the other
/// query cmdlets take it: -SnapshotPath, piped Az objects, -Live, else the sample tenant with a warning.
/// </summary>
[Cmdlet(VerbsData.Export, "AmlAccessReport", DefaultParameterSetName = ReportSet, SupportsShouldProcess = true)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportAmlAccessReportCommand : TenantQueryCmdlet<AccessReport>
{
    public const string ReportSet = "Report";

    private ReportFormat _format;
    private string? _path;

    /// <summary>The management group, subscription, resource group or workspace to report on.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>html (the default), markdown or csv.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ReportFormatCompleter))]
    [ValidateNotNullOrEmpty]
    public string Format { get; set; } = nameof(ReportFormat.Html);

    /// <summary>The file to write, relative to the current location; without it the report goes to the pipeline.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Replace the -Path file if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>With -Path, write the file's FileInfo to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How exemptions on data-plane policy assignments are treated in the guardrails: as documented (not honoured), or honoured.</summary>
    [Parameter]
    public ExemptionHandling ExemptionHandling { get; set; } = ExemptionHandling.Documented;

    protected override void BeginProcessing()
    {
        // What would stop the report is found before the tenant is read, which -Live makes slow.
        try
        {
            Model.Scope.Parse(Scope);
            _format = ReportFormats.Parse(Format, "-" + nameof(Format));
            _path = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (_path is not null)
            {
                ReportFile.Check(_path, Force, "-" + nameof(Force));
            }
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        base.BeginProcessing();
    }

    protected override Subject? CurrentSubject() => Scope is null ? null : Subject.At(Scope);

    protected override IQuestion<AccessReport> Ask(AccessEvaluator evaluator) => new AccessReportQuestion(evaluator, ExemptionHandling);

    protected override void Write(AccessReport answer)
    {
        var text = ReportFormats.Render(answer, _format);
        if (_path is null)
        {
            WriteObject(text);
            return;
        }
        if (!ShouldProcess(_path, $"Write the access report of {answer.Scope} ({answer.Workspaces.Count} workspace(s))"))
        {
            return;
        }
        ReportFile.Write(_path, text, Force, "-" + nameof(Force));
        WriteVerbose($"Wrote {_path}: {answer.Workspaces.Count} workspace(s), {answer.Workspaces.Sum(w => w.Principals.Count)} principal row(s).");
        if (PassThru)
        {
            WriteObject(new FileInfo(_path));
        }
    }
}
