using System.CommandLine;
using AmlRbac.Cli.Live;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Cli.Commands;

/// <summary>
/// amlrbac workspace-identity: Set-AmlWorkspaceIdentityRole for shells and pipelines. A CLI cannot ask
/// "are you sure?" in a runbook, so it never writes unless told to: --what-if shows the plan and its
/// access diff, --yes applies it, and neither is bad input. Per-workspace failures are one line each on
/// stderr and the run goes on; the exit code is 4 when any workspace failed (3 when Azure refused the
/// token, which stops the run).
/// </summary>
internal static class WorkspaceIdentityCommand
{
    public static Command Create(Terminal terminal)
    {
        var resourceId = new Option<string[]>("--resource-id")
        {
            Description = "A workspace's resource id; repeat for more workspaces.",
            HelpName = "ID",
        };
        var idsFrom = new Option<string>("--ids-from")
        {
            Description = "A file with one workspace resource id per line, or - for stdin (az resource list --resource-type Microsoft.MachineLearningServices/workspaces --query [].id -o tsv).",
            HelpName = "FILE",
        };
        var subscription = new Option<string>("--subscription") { Description = "The workspace's subscription id (with --resource-group and --name).", HelpName = "ID" };
        var resourceGroup = new Option<string>("--resource-group") { Description = "The workspace's resource group.", HelpName = "NAME" };
        var name = new Option<string>("--name") { Description = "The workspace name.", HelpName = "NAME" };
        var role = new Option<WorkspaceRole>("--role")
        {
            Description = "AzureAIAdministrator converts the identity; Contributor restores the legacy assignment (rollback).",
            DefaultValueFactory = _ => WorkspaceRole.AzureAIAdministrator,
        };
        var removeLegacy = new Option<bool>("--remove-legacy-contributor")
        {
            Description = "Delete the identity's Contributor assignment on the resource group once Azure AI Administrator is confirmed.",
        };
        var timeout = new Option<int>("--timeout-seconds")
        {
            Description = "How long to wait per workspace for Azure to grant the role (0 to 3600).",
            DefaultValueFactory = _ => 300,
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Send the change without waiting for Azure's grant (status Pending)." };
        var whatIf = new Option<bool>("--what-if") { Description = "Read and plan only: show what would change and the access diff; write nothing." };
        var yes = new Option<bool>("--yes") { Description = "Apply the plan without asking (required to change anything)." };
        // --arm-url and --access-token-env as the live commands have them (default: DefaultAzureCredential).
        var live = new LiveOptions();
        var format = CommonOptions.Format();

        var command = new Command("workspace-identity",
            "Move Azure ML workspace identities from Contributor to Azure AI Administrator on their resource group (or back), with --what-if or --yes.")
        {
            resourceId, idsFrom, subscription, resourceGroup, name, role, removeLegacy, timeout, noWait, whatIf, yes, format,
        };
        // Graph is not read here, so only the ARM URL, token and pace options.
        command.Options.Add(live.ArmUrl);
        command.Options.Add(live.AccessTokenEnv);
        command.Options.Add(live.MaxRequestsPerSecond);
        command.Validators.Add(result =>
        {
            var byId = result.GetResult(resourceId) is not null || result.GetResult(idsFrom) is not null;
            var byName = result.GetResult(resourceGroup) is not null || result.GetResult(name) is not null || result.GetResult(subscription) is not null;
            if (byId == byName)
            {
                result.AddError(byId
                    ? "Give workspaces by --resource-id / --ids-from or by --subscription, --resource-group and --name, not both."
                    : "Give the workspaces: --resource-id, --ids-from, or --subscription with --resource-group and --name.");
            }
            else if (byName && (result.GetResult(resourceGroup) is null || result.GetResult(name) is null || result.GetResult(subscription) is null))
            {
                result.AddError("--subscription, --resource-group and --name go together.");
            }
            if (result.GetValue(whatIf) == result.GetValue(yes))
            {
                result.AddError(result.GetValue(whatIf)
                    ? "Give --what-if or --yes, not both."
                    : "This command changes role assignments in Azure: give --what-if to see the plan, or --yes to apply it.");
            }
            if (result.GetValue(timeout) is < 0 or > 3600)
            {
                result.AddError("--timeout-seconds must be between 0 and 3600.");
            }
        });
        // Ctrl+C cancels the token: the workspace in hand stops at once, nothing further is written.
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new ConversionOptions
            {
                Role = parsed.GetValue(role),
                RemoveLegacyContributor = parsed.GetValue(removeLegacy),
                NoWait = parsed.GetValue(noWait),
                Timeout = TimeSpan.FromSeconds(parsed.GetValue(timeout)),
            };
            options.Validate();
            using var connection = live.Open(parsed, cancellationToken);
            IReadOnlyList<string> ids = parsed.GetValue(subscription) is { } sub
                ? new[] { WorkspaceId.From(sub, parsed.GetValue(resourceGroup), parsed.GetValue(name)).Id }
                : (parsed.GetValue(resourceId) ?? Array.Empty<string>()).Concat(ReadIds(parsed.GetValue(idsFrom))).ToList();

            var converter = new WorkspaceIdentityConverter(connection.Workspaces, options);
            var apply = parsed.GetValue(yes);
            var summary = new ConversionSummary();
            var results = new List<WorkspaceConversion>();
            var json = parsed.GetValue(format) == CommonOptions.Json;
            foreach (var id in ids)
            {
                var result = await ConvertAsync(converter, id, apply, connection.Cancellation).ConfigureAwait(false);
                summary.Add(result);
                results.Add(result);
                if (!json)
                {
                    terminal.Out.Write(ConversionText.Format(result));
                }
                if (result.Error is { } error)
                {
                    terminal.Fail($"{result.WorkspaceId}: {error.ErrorId}: {error.Message}");
                }
            }
            terminal.Out.WriteLine(json ? ConversionJson.Serialize(results, summary) : summary.ToString());
            return summary[ConversionStatus.Failed] > 0 ? ExitCodes.WorkspacesFailed : ExitCodes.Success;
        });
        return command;
    }

    // A malformed id is that workspace's failure, like any other: the rest of the list still runs.
    private static async Task<WorkspaceConversion> ConvertAsync(WorkspaceIdentityConverter converter, string id, bool apply, CancellationToken cancellationToken)
    {
        try
        {
            var workspace = WorkspaceId.Parse(id);
            return await converter.ConvertAsync(workspace, _ => apply, cancellationToken).ConfigureAwait(false);
        }
        catch (AmlRbacException error) when (error.ErrorId == ErrorIds.WorkspaceIdInvalid)
        {
            return new WorkspaceConversion { WorkspaceId = id, Status = ConversionStatus.Failed, Reason = error.Message, ErrorId = error.ErrorId, Error = error };
        }
    }

    // "-" is standard input, which only the CLI has; a file is read by the engine (IdsFileNotFound).
    private static IReadOnlyList<string> ReadIds(string? path) => path switch
    {
        null => Array.Empty<string>(),
        "-" => WorkspaceIdList.Parse(Console.In.ReadToEnd()),
        _ => WorkspaceIdList.Read(path),
    };
}
