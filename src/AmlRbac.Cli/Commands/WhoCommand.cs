using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>amlrbac who: every principal who may perform an operation at a scope (Allowed, Conditional, Eligible or Unknown), and why.</summary>
internal static class WhoCommand
{
    public static Command Create(Terminal terminal)
    {
        var action = CommonOptions.Action("The operation, e.g. Microsoft.MachineLearningServices/workspaces/computes/write.");
        action.Required = true;
        var scope = CommonOptions.Scope("Where: a management group, subscription, resource group or resource id.");
        scope.Required = true;
        var dataAction = CommonOptions.DataAction();
        var recurse = CommonOptions.Recurse();
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("who", "Who may perform an operation at a scope: every principal for whom it is Allowed, Conditional, Eligible or Unknown, and why.")
        {
            action, scope, dataAction, snapshot, format, recurse,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var where = parsed.GetValue(scope)!;
            var (evaluator, _) = await live.OpenAsync(parsed, terminal, Subject.At(where), cancellationToken);
            var operation = parsed.GetValue(action)!;
            var question = EffectiveAccessQuestion.WhoCan(evaluator, new[] { operation }, parsed.GetValue(dataAction), recurse: parsed.GetValue(recurse));
            AnswerWriter.WriteWarnings(terminal, question, Subject.At(where));
            var answers = question.AnswerFor(Subject.At(where));
            AnswerWriter.WriteMany(terminal, parsed.GetValue(format)!, answers,
                parsed.GetValue(recurse)
                    ? $"Nobody may perform {operation} at an Azure ML workspace, registry or compute at or below {where} that the source names."
                    : $"Nobody may perform {operation} at {where}: no role assignment there or above grants it.");
            return ExitCodes.Success;
        });
        return command;
    }
}
