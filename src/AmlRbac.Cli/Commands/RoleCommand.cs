using System.CommandLine;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac role new|lint|compare: New-AmlCustomRole's work on the command line (CustomRoleRequest,
/// RoleLinter, RoleComparison). Exit codes: 0 the check passed, 1 (<see cref="ExitCodes.CheckFailed"/>)
/// a finding at error severity (new, lint) or grants beyond the reference (new with --reference-role,
/// compare), 2 bad input. A role file that is not JSON is a finding for lint, bad input elsewhere.
/// </summary>
internal static class RoleCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("role", "Build, check and compare custom roles offline; nothing is sent to Azure.");
        command.Subcommands.Add(New(terminal));
        command.Subcommands.Add(Lint(terminal));
        command.Subcommands.Add(Compare(terminal));
        return command;
    }

    private static Command New(Terminal terminal)
    {
        var name = new Option<string>("--name") { Description = "The role name; a template's or the --from role's name when omitted.", HelpName = "NAME" };
        var description = new Option<string>("--description") { Description = "The role description.", HelpName = "TEXT" };
        var id = new Option<string>("--id") { Description = "The role id (a GUID); a fresh GUID when omitted (the --from role's id with --from).", HelpName = "GUID" };
        var template = new Option<string>("--template") { Description = "A catalog template to start from (example roles and personas; list them with amlrbac catalog templates).", HelpName = "TEMPLATE" };
        var from = new Option<string>("--from") { Description = "An existing role JSON file to check or tighten.", HelpName = "FILE" };
        var activity = CommonOptions.List("--activity", "Catalog activities whose operations the role grants ('amlrbac catalog activities').", "ACTIVITIES");
        var apiVersion = new Option<ActivityApiVersion?>("--api-version") { Description = "V1, V2 or Both: which variant an activity named without V1/V2 means (V2 when omitted).", HelpName = "VERSION" };
        var exclude = CommonOptions.List("--exclude-activity", "Activities the role must not allow.", "ACTIVITIES");
        var action = CommonOptions.List("--action", "Control-plane operations the role grants.", "OPERATIONS");
        var notAction = CommonOptions.List("--not-action", "Operations removed from the Actions.", "OPERATIONS");
        var dataAction = CommonOptions.List("--data-action", "Data operations the role grants.", "OPERATIONS");
        var notDataAction = CommonOptions.List("--not-data-action", "Data operations removed from the DataActions.", "OPERATIONS");
        var scopes = CommonOptions.List("--assignable-scope", "Where the role may be assigned; required unless --from gives them.", "SCOPES");
        var compact = new Option<bool>("--compact") { Description = "Replace exact operations by wildcards where that provably grants nothing more." };
        var reference = new Option<string>("--reference-role") { Description = "Compare with this role: a built-in role name or id, or a JSON file.", HelpName = "ROLE" };
        var shape = new Option<RoleShape>("--shape") { Description = "Permissions (Az.Resources 10+, Azure CLI) or Flat (Az.Resources before 10, Azure CLI).", DefaultValueFactory = _ => RoleShape.Permissions, HelpName = "SHAPE" };
        var outFile = new Option<string>("--out-file") { Description = "Write the role JSON for New-AzRoleDefinition -InputFile and az role definition create.", HelpName = "FILE" };
        var format = CommonOptions.Format();

        var command = new Command("new", "Build a custom role, lint it, and optionally compact it and compare it with a reference role. " +
            "Exit code 0, or 1 when a finding is at error severity or the role grants what --reference-role does not; 2 for bad input.")
        {
            name, description, id, template, from, activity, apiVersion, exclude, action, notAction, dataAction, notDataAction, scopes,
            compact, reference, shape, outFile, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(template) is not null && result.GetResult(from) is not null)
            {
                result.AddError("Give --template or --from, not both.");
            }
            if (result.GetResult(from) is null && result.GetResult(scopes) is null)
            {
                result.AddError("--assignable-scope is required unless --from gives the scopes.");
            }
        });
        command.SetAction(parsed =>
        {
            var evaluator = new AccessEvaluator(Tenant.Empty);
            var request = new CustomRoleRequest
            {
                Builder = new RoleBuilder
                {
                    BaseRole = parsed.GetValue(from) is { } file ? RoleInput.FromFile(file).Required(file) : null,
                    Template = parsed.GetValue(template),
                    Name = parsed.GetValue(name),
                    Description = parsed.GetValue(description),
                    Id = parsed.GetValue(id),
                    Activities = parsed.GetValue(activity) ?? Array.Empty<string>(),
                    ApiVersion = parsed.GetValue(apiVersion),
                    ExcludeActivities = parsed.GetValue(exclude) ?? Array.Empty<string>(),
                    Actions = parsed.GetValue(action) ?? Array.Empty<string>(),
                    NotActions = parsed.GetValue(notAction) ?? Array.Empty<string>(),
                    DataActions = parsed.GetValue(dataAction) ?? Array.Empty<string>(),
                    NotDataActions = parsed.GetValue(notDataAction) ?? Array.Empty<string>(),
                    AssignableScopes = parsed.GetValue(scopes) ?? Array.Empty<string>(),
                },
                Compact = parsed.GetValue(compact),
                ReferenceRole = parsed.GetValue(reference) is { } referenceRole ? RoleInput.FromFileOrName(referenceRole, evaluator.GetRole) : null,
                Shape = parsed.GetValue(shape),
                OutFile = parsed.GetValue(outFile),
            };
            var result = request.Execute(evaluator);
            terminal.Out.Write(parsed.GetValue(format) == CommonOptions.Json ? RoleReportJson.Result(result) + Environment.NewLine : RoleReportText.Result(result, terminal.Width));
            return result.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command Lint(Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "A role definition JSON file (any shape Az or the Azure CLI reads or writes)." };
        var format = CommonOptions.Format();
        var command = new Command("lint", "Check a role definition file: findings with severity, id and entry. " +
            "Exit code 0 when no finding is at error severity (invalid JSON is one), 1 otherwise, 2 when the file is missing or holds no role.")
        {
            file, format,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(file)!;
            var findings = new RoleLinter().Lint(RoleInput.FromFile(path));
            terminal.Out.Write(parsed.GetValue(format) == CommonOptions.Json
                ? RoleReportJson.Lint(path, findings) + Environment.NewLine
                : RoleReportText.Findings(findings, terminal.Width));
            return RoleFinding.AnyError(findings) ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Compare(Terminal terminal)
    {
        var role = new Argument<string>("ROLE") { Description = "The role: a JSON file, or a built-in role name or id." };
        var reference = new Option<string>("--reference-role") { Description = "The role to compare with: a built-in role name or id, or a JSON file.", HelpName = "ROLE", Required = true };
        var format = CommonOptions.Format();
        var command = new Command("compare", "What a role grants over the catalog that the reference role does not, and the other way round. " +
            "Exit code 0 when the role grants nothing the reference does not, 1 otherwise, 2 for bad input.")
        {
            role, reference, format,
        };
        command.SetAction(parsed =>
        {
            var evaluator = new AccessEvaluator(Tenant.Empty);
            var comparison = RoleComparison.Compare(evaluator,
                RoleInput.FromFileOrName(parsed.GetValue(role)!, evaluator.GetRole), RoleInput.FromFileOrName(parsed.GetValue(reference)!, evaluator.GetRole));
            terminal.Out.Write(parsed.GetValue(format) == CommonOptions.Json
                ? RoleReportJson.Comparison(comparison) + Environment.NewLine
                : RoleReportText.Comparison(comparison));
            return comparison.GrantsNoMore ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

}
