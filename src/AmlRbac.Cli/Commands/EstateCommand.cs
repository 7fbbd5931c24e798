using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac estate: Get-AmlAccessEstate on the command line. For a scope (AccessEstateQuestion): its Azure ML resources,
/// who holds privileged operations anywhere under it, and the orphaned, useless and duplicate role assignments. Exit
/// codes as for access: 0, or 2 for bad input (3 when live Azure fails).
/// </summary>
internal static class EstateCommand
{
    public static Command Create(Terminal terminal)
    {
        var scope = CommonOptions.Scope("Where: a management group, subscription, resource group or resource id; everything at or below it is looked at.");
        scope.Required = true;
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("estate", "The estate under a scope: its Azure ML workspaces, registries and computes, who holds privileged operations " +
            "(role assignment, keys and secrets) anywhere under it, and the role assignments to clean up: orphaned (principal deleted), " +
            "custom roles that grant nothing in Azure ML, duplicates and grants already made by the same role at an ancestor scope.")
        {
            scope, snapshot, format,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var where = Scope.Parse(parsed.GetValue(scope)!).Value;
            var (evaluator, subject) = await live.OpenAsync(parsed, terminal, Subject.At(where), cancellationToken);
            var estate = new AccessEstateQuestion(evaluator).AnswerFor(subject);
            terminal.Out.Write(parsed.GetValue(format) == CommonOptions.Json
                ? EstateJson.Serialize(estate) + Environment.NewLine
                : EstateText.Render(estate, terminal.Width));
            return ExitCodes.Success;
        });
        return command;
    }
}
