using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac test: may a principal (at a scope) or a role (alone) perform one operation or activity?
/// With --model, a deployment activity is answered with RBAC and Azure Policy together.
/// The exit code is the answer: 0 Allowed, 1 anything else, 2 bad input.
/// </summary>
internal static class TestCommand
{
    public static Command Create(Terminal terminal)
    {
        var principal = CommonOptions.Principal();
        var role = new Option<string>("--role")
        {
            Description = "A role by name or id, answered for the role alone (no principal, no scope): built-in, or a custom role of the snapshot.",
            HelpName = "ROLE",
        };
        var action = CommonOptions.Action("The operation, e.g. Microsoft.MachineLearningServices/workspaces/computes/write.");
        var activity = new Option<string>("--activity")
        {
            Description = "A catalog activity instead of an operation ('amlrbac catalog activities' lists them); allowed only when all its operations are.",
            HelpName = "ACTIVITY",
        };
        var model = new Option<string>("--model")
        {
            Description = "With --activity DeployModel (or another activity that deploys): the model asset id, e.g. azureml://registries/azureml/models/{name}/versions/{version}; Azure Policy is then judged beside RBAC.",
            HelpName = "ASSET-ID",
        };
        var related = CommonOptions.RelatedResource();
        var exemptionHandling = CommonOptions.ExemptionHandling();
        var scope = CommonOptions.Scope("With --principal: where, as a management group, subscription, resource group or resource id.");
        var dataAction = CommonOptions.DataAction();
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("test",
            "May a principal at a scope, or a role alone, perform an operation or an activity? Exit code 0 when Allowed, 1 otherwise, 2 for bad input.")
        {
            principal, role, action, activity, model, exemptionHandling, scope, dataAction, snapshot, format, related,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        CommonOptions.RequireOneOf(command, principal, role);
        CommonOptions.RequireOneOf(command, action, activity);
        command.Validators.Add(result =>
        {
            if (result.GetResult(principal) is not null && result.GetResult(scope) is null)
            {
                result.AddError("--principal needs --scope.");
            }
            if (result.GetResult(role) is not null && result.GetResult(scope) is not null)
            {
                result.AddError("--scope goes with --principal: a role is answered alone, wherever it may be assigned.");
            }
            if (result.GetResult(model) is not null && (result.GetResult(activity) is null || result.GetResult(principal) is null))
            {
                result.AddError("--model goes with --activity and --principal: policy is judged for a deployment into the workspace --scope names.");
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var subject = parsed.GetValue(role) is { } roleName
                ? Subject.ForRoleName(roleName)
                : Subject.PrincipalAt(parsed.GetValue(principal)!, parsed.GetValue(scope)!);
            var (evaluator, asked) = await live.OpenAsync(parsed, terminal, subject, cancellationToken);
            var question = new PermissionQuestion(evaluator, OneOrNone(parsed.GetValue(action)), OneOrNone(parsed.GetValue(activity)), parsed.GetValue(dataAction),
                parsed.GetValue(model), CommonOptions.ExemptionHandlingOf(parsed.GetValue(exemptionHandling)), parsed.GetValue(related));
            AnswerWriter.WriteWarnings(terminal, question, asked);
            var answer = question.AnswerFor(asked).Single();
            AnswerWriter.WriteOne(terminal, parsed.GetValue(format)!, answer);
            return answer.Outcome == Outcome.Allowed ? ExitCodes.Success : ExitCodes.NotAllowed;
        });
        return command;
    }

    private static string[]? OneOrNone(string? value) => value is null ? null : new[] { value };
}
