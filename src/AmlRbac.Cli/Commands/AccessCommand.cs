using System.CommandLine;
using AmlRbac.Catalog;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>amlrbac access: everything a principal may do at a scope, per catalog operation, per activity or per deployable model, with why.</summary>
internal static class AccessCommand
{
    private const string ByOperation = "operation";
    private const string ByActivity = "activity";
    private const string ByModel = "model";

    public static Command Create(Terminal terminal)
    {
        var principal = CommonOptions.Principal();
        principal.Required = true;
        var scope = CommonOptions.Scope("Where: a management group, subscription, resource group or resource id.");
        scope.Required = true;
        var by = new Option<string>("--by")
        {
            Description = "One answer per catalog operation, per catalog activity, or per model the principal could deploy into the workspace (RBAC and Azure Policy).",
            DefaultValueFactory = _ => ByOperation,
        };
        by.AcceptOnlyFromAmong(ByOperation, ByActivity, ByModel);
        var models = new Option<string[]>("--model")
        {
            Description = "With --by model: the model asset ids to list, repeated; without it, the catalog models and those the snapshot's policy assignments name.",
            HelpName = "ASSET-ID",
        };
        var providers = new Option<string[]>("--provider")
        {
            Description = $"With --by operation: list the operations of this resource provider, repeated for several ('amlrbac catalog operations' lists them); without it, {EffectiveAccessQuestion.DefaultProvider}.",
            HelpName = "PROVIDER",
        };
        var recurse = CommonOptions.Recurse();
        var related = CommonOptions.RelatedResource();
        var exemptionHandling = CommonOptions.ExemptionHandling();
        var decisions = CommonOptions.Decisions();
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("access", "Everything a principal may do at a scope: one answer per catalog operation (or activity), and why.")
        {
            principal, scope, by, providers, models, exemptionHandling, decisions, snapshot, format, recurse, related,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.Validators.Add(result =>
        {
            if (result.GetResult(models) is not null && result.GetValue(by) != ByModel)
            {
                result.AddError("--model goes with --by model.");
            }
            if (result.GetResult(related) is not null && result.GetValue(by) != ByActivity)
            {
                result.AddError("--related-resource goes with --by activity.");
            }
            if (result.GetResult(providers) is not null && (result.GetValue(by) ?? ByOperation) != ByOperation)
            {
                result.AddError("--provider goes with --by operation.");
            }
            if (result.GetValue(recurse) && result.GetValue(by) == ByModel)
            {
                result.AddError("--recurse goes with --by operation or --by activity.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var subject = Subject.PrincipalAt(parsed.GetValue(principal)!, parsed.GetValue(scope)!);
            var (evaluator, asked) = await live.OpenAsync(parsed, terminal, subject, cancellationToken);
            var question = parsed.GetValue(by) switch
            {
                ByModel => EffectiveAccessQuestion.DeployableModels(evaluator, parsed.GetValue(models) is { Length: > 0 } named ? named : null,
                    CommonOptions.ExemptionHandlingOf(parsed.GetValue(exemptionHandling)), parsed.GetValue(decisions)),
                ByActivity => EffectiveAccessQuestion.ForPrincipal(evaluator, EffectiveAccessBy.Activity, decisions: parsed.GetValue(decisions),
                    recurse: parsed.GetValue(recurse), relatedResources: parsed.GetValue(related)),
                _ => EffectiveAccessQuestion.ForPrincipal(evaluator, EffectiveAccessBy.Operation, decisions: parsed.GetValue(decisions), providers: parsed.GetValue(providers),
                    recurse: parsed.GetValue(recurse)),
            };
            AnswerWriter.WriteWarnings(terminal, question, asked);
            var answers = question.AnswerFor(asked);
            AnswerWriter.WriteMany(terminal, parsed.GetValue(format)!, answers, parsed.GetValue(recurse)
                ? $"Nothing reaches the principal at an Azure ML workspace, registry or compute at or below {asked.Scope} that the source names."
                : "No answer has the decisions asked for.");
            return ExitCodes.Success;
        });
        return command;
    }
}
