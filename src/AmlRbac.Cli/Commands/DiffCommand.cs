using System.CommandLine;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac diff: Compare-AmlRbacSnapshot on the command line. Every decision that changed between two snapshots of a
/// tenant and why (SnapshotComparison), as a table (Output/DiffText) or JSON (Output/DiffJson, docs/DIFF.md). Exit
/// codes: 0 when no decision changed, 1 when one did (a scheduled run alerts on it), 2 for bad input.
/// </summary>
internal static class DiffCommand
{
    private const string ByPrincipal = "principal";
    private const string ByWorkspace = "workspace";

    public static Command Create(Terminal terminal)
    {
        var before = SnapshotOption("--before", "The earlier snapshot file.");
        var after = SnapshotOption("--after", "The later snapshot file of the same tenant.");
        var activity = new Option<bool>("--activity") { Description = "Only the catalog activities (and Azure Policy's verdicts on model deployments)." };
        var privileged = new Option<bool>("--privileged")
        {
            Description = "Only the privileged operations: role assignment writes and the reads of keys and secrets (with --activity: both).",
        };
        var groupBy = new Option<string>("--group-by")
        {
            Description = "Group the table by principal or by workspace.",
            DefaultValueFactory = _ => ByPrincipal,
        };
        groupBy.AcceptOnlyFromAmong(ByPrincipal, ByWorkspace);
        var format = CommonOptions.Format();

        var command = new Command("diff", "What changed between two snapshots of a tenant: every principal, operation or activity, and scope whose decision changed, " +
            "the decision before and after, and the role assignments, role definitions, group memberships, deny assignments and policy assignments " +
            "or exemptions that explain it. Exit code 0 when no decision changed, 1 when one did.")
        {
            before, after, activity, privileged, groupBy, format,
        };
        command.SetAction(parsed =>
        {
            var diff = new SnapshotComparison(parsed.GetValue(activity), parsed.GetValue(privileged))
                .Compare(parsed.GetValue(before)!, parsed.GetValue(after)!);
            if (parsed.GetValue(format) == CommonOptions.Json)
            {
                terminal.Out.WriteLine(DiffJson.Render(diff));
            }
            else
            {
                var grouping = parsed.GetValue(groupBy) == ByWorkspace ? DiffGrouping.Workspace : DiffGrouping.Principal;
                terminal.Out.Write(DiffText.Render(diff, grouping, Math.Min(terminal.Width, DiffText.DefaultWidth)));
            }
            return diff.HasChanges ? ExitCodes.Changed : ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> SnapshotOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "FILE", Required = true };
        // An empty path is no file at all; the snapshot reader is only asked about real paths.
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{name} needs a file path.");
            }
        });
        return option;
    }
}
