using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Hosting;

namespace AmlRbac.Cli.Commands;

/// <summary>amlrbac access: everything a principal may do at a scope, per catalog operation or per activity, with why.</summary>
internal static class AccessCommand
{
    private const string ByOperation = "operation";
    private const string ByActivity = "activity";

    public static Command Create(Terminal terminal)
    {
        var principal = CommonOptions.Principal();
        principal.Required = true;
        var scope = CommonOptions.Scope("Where: a management group, subscription, resource group or resource id.");
        scope.Required = true;
        var by = new Option<string>("--by")
        {
            Description = "One answer per catalog operation, or per catalog activity.",
            DefaultValueFactory = _ => ByOperation,
        };
        by.AcceptOnlyFromAmong(ByOperation, ByActivity);
        var decisions = CommonOptions.Decisions();
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("access", "Everything a principal may do at a scope: one answer per catalog operation (or activity), and why.")
        {
            principal, scope, by, decisions, snapshot, format,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var subject = Subject.PrincipalAt(parsed.GetValue(principal)!, parsed.GetValue(scope)!);
            var (evaluator, asked) = live.IsLive(parsed)
                ? await live.AskAsync(parsed, terminal, subject, cancellationToken)
                : (TenantOpener.Open(parsed.GetValue(snapshot), terminal), subject);
            var listing = parsed.GetValue(by) == ByActivity ? EffectiveAccessBy.Activity : EffectiveAccessBy.Operation;
            var question = EffectiveAccessQuestion.ForPrincipal(evaluator, listing, decisions: parsed.GetValue(decisions));
            var answers = question.AnswerFor(asked);
            AnswerWriter.WriteMany(terminal, parsed.GetValue(format)!, answers, "No answer has the decisions asked for.");
            return ExitCodes.Success;
        });
        return command;
    }
}
