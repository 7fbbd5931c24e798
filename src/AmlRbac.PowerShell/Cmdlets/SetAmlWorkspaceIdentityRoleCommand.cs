using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Set-AmlWorkspaceIdentityRole: moves the system-assigned identity of each workspace (named, or piped
/// from Get-AzResource / Get-AzMLWorkspace) to Azure AI Administrator on its resource group, or back to
/// Contributor. One record per workspace; a workspace that fails is a non-terminating error and the
/// pipeline goes on; a summary line at the end. The work is the engine's WorkspaceIdentityConverter.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AmlWorkspaceIdentityRole", DefaultParameterSetName = ResourceIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AmlWorkspaceIdentityConversion))]
public sealed class SetAmlWorkspaceIdentityRoleCommand : PSCmdlet, IDisposable
{
    public const string ResourceIdSet = "ResourceId";
    public const string NameSet = "Name";

    private const string Activity = "Set-AmlWorkspaceIdentityRole";

    // Get-AzContext and Get-AzAccessToken (Az.Accounts) in one call, on the pipeline thread. Token is a
    // SecureString since Az.Accounts 5.0 and a string before (notes.md (c)); it is passed on as it is.
    private const string AzContextScript = @"
param($ResourceManagerUrl)
$context = Get-AzContext -ErrorAction Stop
if (-not $context) { throw 'There is no Az context.' }
if (-not $ResourceManagerUrl) { $ResourceManagerUrl = $context.Environment.ResourceManagerUrl }
$token = Get-AzAccessToken -ResourceUrl $ResourceManagerUrl -ErrorAction Stop
[pscustomobject]@{ Url = $ResourceManagerUrl; Token = $token.Token; ExpiresOn = $token.ExpiresOn; SubscriptionId = $context.Subscription.Id }";

    private readonly CancellationTokenSource _stop = new();
    private readonly ConversionSummary _summary = new();
    private HttpClient? _http;
    private WorkspaceIdentityConverter? _converter;
    private SecureTokenSource? _tokens;
    private DateTimeOffset? _tokenExpiresOn;
    private string? _contextSubscriptionId;

    /// <summary>The workspace's resource id (Get-AzResource's ResourceId, Get-AzMLWorkspace's Id).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ResourceIdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string? ResourceId { get; set; }

    /// <summary>The subscription; the Az context's when not given.</summary>
    [Parameter(ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? SubscriptionId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ResourceGroupName { get; set; }

    /// <summary>The workspace name.</summary>
    [Parameter(Mandatory = true, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [Alias("WorkspaceName")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>AzureAIAdministrator (the conversion) or Contributor (the rollback).</summary>
    [Parameter]
    public WorkspaceRole Role { get; set; } = WorkspaceRole.AzureAIAdministrator;

    /// <summary>Remove the identity's Contributor assignment on the resource group once Azure AI Administrator is confirmed.</summary>
    [Parameter]
    public SwitchParameter RemoveLegacyContributor { get; set; }

    /// <summary>How long to wait for Azure to grant the role, per workspace.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Send the change without waiting for Azure's grant (status Pending).</summary>
    [Parameter]
    public SwitchParameter NoWait { get; set; }

    /// <summary>An ARM access token; without it, one comes from the Az context (Get-AzAccessToken).</summary>
    [Parameter]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>The ARM base URL; without it, the Az context's environment's (the public cloud with -AccessToken).</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? ResourceManagerUrl { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            var options = new ConversionOptions
            {
                Role = Role,
                RemoveLegacyContributor = RemoveLegacyContributor,
                NoWait = NoWait,
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            };
            options.Validate();
            var url = ResourceManagerUrl;
            if (AccessToken is not null)
            {
                _tokens = new SecureTokenSource(AccessToken);
            }
            else
            {
                var context = ReadAzContext();
                _tokens = context.Tokens;
                url ??= context.Url;
            }
            _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            _converter = new WorkspaceIdentityConverter(ArmWorkspaceGateway.Create(_http, _tokens, url), options);
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
    }

    protected override void ProcessRecord()
    {
        WorkspaceReference workspace;
        try
        {
            workspace = ParameterSetName == ResourceIdSet
                ? WorkspaceReference.Parse(ResourceId)
                : WorkspaceReference.From(SubscriptionId ?? _contextSubscriptionId ?? throw NoSubscription(), ResourceGroupName, Name);
            RenewTokenIfDue();
        }
        catch (AmlRbacException exception)
        {
            WriteError(ErrorRecords.From(exception));
            return;
        }

        var number = _summary.Total + 1;
        Progress(number, workspace, "reading the workspace and its identity's role assignments");
        try
        {
            var plan = Wait(_converter!.PlanAsync(workspace, _stop.Token));
            var result = plan.Record;
            if (plan.HasWrites && ShouldProcess(workspace.Id, plan.Action))
            {
                Progress(number, workspace, NoWait ? "sending the change" : "changing, then waiting for Azure to grant the role");
                result = Wait(_converter.ApplyAsync(plan, _stop.Token));
            }
            Report(result);
        }
        catch (AmlRbacException exception)
        {
            // Only a refused token gets here: every further workspace would fail the same way.
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Ctrl+C: PowerShell stops the pipeline.
        }
    }

    protected override void EndProcessing()
    {
        WriteProgress(new ProgressRecord(0, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (_summary.Total > 0)
        {
            // PSHOST: shown by default like Write-Host, and still capturable with 6>.
            WriteInformation(_summary.ToString(), new[] { "PSHOST" });
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    public void Dispose()
    {
        _http?.Dispose();
        _stop.Dispose();
    }

    private void Report(WorkspaceConversion result)
    {
        _summary.Add(result);
        WriteObject(AmlWorkspaceIdentityConversion.From(result));
        if (result.Error is { } error)
        {
            WriteError(ErrorRecords.From(error));
        }
    }

    private void Progress(int number, WorkspaceReference workspace, string doing) =>
        WriteProgress(new ProgressRecord(0, Activity, $"Workspace {number}: {workspace.Name} ({workspace.ResourceGroupName})")
        {
            CurrentOperation = doing,
        });

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private (SecureTokenSource Tokens, Uri? Url) ReadAzContext()
    {
        Collection<PSObject> output;
        try
        {
            output = InvokeCommand.InvokeScript(AzContextScript, true, PipelineResultTypes.None, null, ResourceManagerUrl?.AbsoluteUri);
        }
        catch (Exception e) when (e is RuntimeException or CmdletInvocationException)
        {
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                "No access token: the Az context gave none (" + e.Message + "). Run Connect-AzAccount " +
                "(Connect-AzAccount -Identity in a runbook), or pass -AccessToken.", "AccessToken");
        }
        var context = output.FirstOrDefault() ?? throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
            "No access token: run Connect-AzAccount, or pass -AccessToken.", "AccessToken");
        _tokenExpiresOn = context.Properties["ExpiresOn"]?.Value is DateTimeOffset expires ? expires : null;
        _contextSubscriptionId = context.Properties["SubscriptionId"]?.Value?.ToString();
        var url = context.Properties["Url"]?.Value?.ToString();
        var tokens = SecureTokenSource.From(PSObject.AsPSObject(context.Properties["Token"]?.Value ?? string.Empty).BaseObject);
        return (tokens, Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null);
    }

    // A token from the Az context lasts about an hour; a long pipeline asks for a fresh one between
    // workspaces, five minutes before it expires.
    private void RenewTokenIfDue()
    {
        if (AccessToken is null && _tokenExpiresOn is { } expires && expires - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(5))
        {
            var (renewed, _) = ReadAzContext();
            _tokens!.Renew(renewed);
        }
    }

    private static AmlRbacException NoSubscription() =>
        new(ErrorIds.WorkspaceIdInvalid, FailureCategory.InvalidArgument,
            "-SubscriptionId is needed: with -AccessToken there is no Az context to take it from.", "SubscriptionId");
}
