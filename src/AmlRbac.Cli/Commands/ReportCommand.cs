using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac report: Export-AmlAccessReport on the command line. A tenant's access at a scope, workspace by workspace
/// (AccessReportQuestion), as HTML, Markdown or CSV (Output), on stdout or written whole to --out, which an existing
/// file stops unless --force (ReportFile). Exit codes: 0, or 2 for bad input (3 when live Azure fails).
/// </summary>
internal static class ReportCommand
{
    private const string Html = "html";

    public static Command Create(Terminal terminal)
    {
        var scope = CommonOptions.Scope("What to report on: a management group, subscription, resource group or workspace id; every Azure ML workspace at or below it gets a section.");
        scope.Required = true;
        var format = new Option<string>("--format")
        {
            Description = $"{string.Join(", ", ReportFormats.Names)}: a self-contained HTML page, Markdown tables, or CSV with one row per workspace, principal and activity or operation.",
            DefaultValueFactory = _ => Html,
            HelpName = "FORMAT",
        };
        var output = new Option<string>("--out")
        {
            Description = "Write the report to this file, whole or not at all, instead of to stdout. An existing file is kept unless --force.",
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force") { Description = "With --out: replace the file if it exists." };
        var exemptionHandling = CommonOptions.ExemptionHandling();
        exemptionHandling.Description = "In the model guardrails: exemptions on v2.Data policy assignments are 'documented' (not honoured, as the Azure Policy docs say) or 'honour' (honoured, as the Azure ML doc implies).";
        var snapshot = CommonOptions.Snapshot();
        var live = new LiveOptions();

        var command = new Command("report", "A report of a tenant's access at a scope, workspace by workspace: who holds privileged operations, every principal by activity, " +
            "eligible and conditional access, deny assignments and model deployment guardrails, each decision with its reasons.")
        {
            scope, format, output, force, exemptionHandling, snapshot,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.Validators.Add(result =>
        {
            if (result.GetResult(force) is not null && result.GetResult(output) is null)
            {
                result.AddError("--force goes with --out.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // What would stop the report is found before the tenant is read, which live Azure makes slow.
            var where = Scope.Parse(parsed.GetValue(scope)!).Value;
            var reportFormat = ReportFormats.Parse(parsed.GetValue(format), format.Name);
            var file = parsed.GetValue(output);
            var replace = parsed.GetValue(force);
            if (file is not null)
            {
                ReportFile.Check(file, replace, force.Name);
            }
            var (evaluator, subject) = await live.OpenAsync(parsed, terminal, Subject.At(where), cancellationToken);
            var report = new AccessReportQuestion(evaluator, CommonOptions.ExemptionHandlingOf(parsed.GetValue(exemptionHandling))).AnswerFor(subject);
            var text = ReportFormats.Render(report, reportFormat);
            if (file is null)
            {
                terminal.Out.Write(text);
                return ExitCodes.Success;
            }
            ReportFile.Write(file, text, replace, force.Name);
            terminal.Out.WriteLine($"Wrote {file}: {report.Workspaces.Count} workspace(s), {report.Workspaces.Sum(w => w.Principals.Count)} principal row(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
