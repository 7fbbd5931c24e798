using System.CommandLine;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Sources;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac unused: per role assignment of a snapshot, what its principal used in an activity log, what was never used,
/// and whether to keep, remove, replace or review it (UnusedAccessQuestion). Exit codes: 0 nothing to remove or narrow,
/// 1 (<see cref="ExitCodes.AccessToNarrow"/>) some assignment to remove or replace, 2 bad input.
/// </summary>
internal static class UnusedCommand
{
    public static Command Create(Terminal terminal)
    {
        var snapshot = CommonOptions.Snapshot();
        var sample = new Option<bool>("--sample") { Description = "Answer from the built-in sample tenant Contoso; samples/contoso.activity-log.json is an activity log for it." };
        var activityLog = new Option<string>("--activity-log")
        {
            Description = "The activity log: the JSON of az monitor activity-log list or Get-AzActivityLog | ConvertTo-Json, or a Log Analytics AzureActivity export (JSON or CSV).",
            HelpName = "FILE",
            Required = true,
        };
        var format = CommonOptions.Format();
        var command = new Command("unused", "What is never used: per role assignment, the operations its principal performed through it in the activity log's window, " +
            "the granted operations never used, and a recommendation (Keep, Remove, Replace by a narrower custom role, or Review when the log cannot tell: " +
            "it records no reads and no data actions). Exit code 0 when nothing is to be removed or replaced, 1 when something is, 2 for bad input.")
        {
            snapshot, sample, activityLog, format,
        };
        command.SetAction(parsed =>
        {
            var log = ActivityLogReader.Read(parsed.GetValue(activityLog)!);
            var evaluator = TenantOpener.OpenWhole(parsed.GetValue(snapshot), parsed.GetValue(sample));
            var report = new UnusedAccessQuestion(evaluator, log).Answer();
            terminal.Out.Write(parsed.GetValue(format) == CommonOptions.Json
                ? UnusedAccessJson.Write(report) + Environment.NewLine
                : UnusedAccessText.Write(report, terminal.Width));
            return report.HasAccessToNarrow ? ExitCodes.AccessToNarrow : ExitCodes.Success;
        });
        return command;
    }
}
