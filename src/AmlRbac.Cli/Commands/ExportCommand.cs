using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac export: reads what the evaluator needs for the scopes from live Azure and writes it as a
/// snapshot (schemaVersion 1) for offline checks, evidence and diffs. The file is written only when
/// everything was read (temporary file, then rename); a failure leaves no file.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Terminal terminal)
    {
        var scopes = new Option<string[]>("--scope")
        {
            Description = "A management group, subscription, resource group or workspace id to read (repeat for several).",
            HelpName = "SCOPE",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out")
        {
            Description = "The snapshot file to write.",
            HelpName = "FILE",
            Required = true,
        };
        var live = new LiveOptions();
        var command = new Command("export",
            "Read role definitions, role assignments, eligible assignments, deny assignments, the management-group hierarchy, group members and the Azure Policy assignments, exemptions and definitions for the scopes from live Azure, and write them as a snapshot file.")
        {
            scopes, output,
        };
        live.AddTo(command, withSwitch: false);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Scopes are checked before any request, so a typo costs nothing.
            var asked = parsed.GetValue(scopes)!.Select(Scope.Parse).ToList();
            var path = parsed.GetValue(output)!;
            var collection = await live.RunAsync(parsed, terminal, cancellationToken, (collector, progress, cancel) =>
                LiveExport.ExportAsync(collector, asked, path, progress, cancel));
            var counts = collection.Counts;
            terminal.Out.WriteLine($"Wrote {path}: {counts.RoleDefinitions} role definitions, {counts.RoleAssignments} role assignments " +
                $"({counts.EligibleAssignments} eligible), {counts.DenyAssignments} deny assignments, {counts.Groups} groups, " +
                $"{counts.ManagementGroups} management groups, {counts.Principals} principals, " +
                $"{counts.PolicyAssignments} policy assignments, {counts.PolicyExemptions} policy exemptions; {collection.Requests} requests.");
            return ExitCodes.Success;
        });
        return command;
    }
}
