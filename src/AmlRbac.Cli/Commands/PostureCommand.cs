using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac posture: Test-AmlWorkspacePosture on the command line. Each posture rule's result for every workspace at or
/// under a scope, with its evidence and who can change it (PostureQuestion), as a table or JSON (docs/POSTURE.md).
/// Exit codes: 0 when no Error-severity rule fails, 1 when one does, 2 for bad input (3 when live Azure fails).
/// </summary>
internal static class PostureCommand
{
    public static Command Create(Terminal terminal)
    {
        var scope = CommonOptions.Scope("Which workspaces: those at or under this management group, subscription, resource group or workspace id (default: every workspace of the source).");
        scope.DefaultValueFactory = _ => "/";
        var rules = CommonOptions.List("--rule", "Check only these rules (AMLP001 to AMLP017, listed in docs/POSTURE.md).", "ID");
        rules.AllowMultipleArgumentsPerToken = true;
        var snapshot = CommonOptions.Snapshot();
        var format = CommonOptions.Format();
        var live = new LiveOptions();

        var command = new Command("posture", "The security posture of Azure ML workspaces: customer-managed key, private network access, managed network, " +
            "identity role, diagnostic logs, compute authentication, network and idle shutdown, private DNS; each rule's result (Pass, Fail, " +
            "NotApplicable, Unknown) with the property read as evidence, the built-in Azure Policy that enforces it, and who can change it. " +
            "Exit code 1 when a rule of Error severity fails.")
        {
            scope, rules, snapshot, format,
        };
        live.AddTo(command, withSwitch: true, snapshot);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var where = Scope.Parse(parsed.GetValue(scope)).Value;
            var ruleIds = parsed.GetValue(rules) ?? Array.Empty<string>();
            // An unknown rule id is found before the tenant is read, which live Azure makes slow.
            Catalog.PostureRules.Select(ruleIds);
            var (evaluator, subject) = await live.OpenAsync(parsed, terminal, Subject.At(where), cancellationToken, withResources: true);
            var question = new PostureQuestion(evaluator, ruleIds);
            AnswerWriter.WriteWarnings(terminal, question, subject);
            var report = question.AnswerFor(subject);
            if (parsed.GetValue(format) == CommonOptions.Json)
            {
                terminal.Out.WriteLine(PostureJson.Serialize(report));
            }
            else
            {
                terminal.Out.Write(PostureText.Format(report, terminal.Width));
            }
            return report.FailsAtError ? ExitCodes.PostureFailed : ExitCodes.Success;
        });
        return command;
    }
}
