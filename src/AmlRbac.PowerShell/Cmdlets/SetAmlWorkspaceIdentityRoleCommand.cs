using System.Management.Automation;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.PowerShell.Live;
using AmlRbac.PowerShell.Output;
using AmlRbac.Sources.Live;
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
public sealed class SetAmlWorkspaceIdentityRoleCommand : ArmCmdlet, IDisposable
{
    public const string ResourceIdSet = "ResourceId";
    public const string NameSet = "Name";

    private const string Activity = "Set-AmlWorkspaceIdentityRole";

    private readonly ConversionSummary _summary = new();
    private LiveConnection? _connection;
    private WorkspaceIdentityConverter? _converter;
    private Lazy<string?>? _contextSubscriptionId;

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
            // Endpoints and tokens as the live cmdlets take them (Live/AzContext): the parameters, else the Az
            // context, renewed now and then for a long pipeline (RenewingTokenSource).
            _connection = OpenConnection(AzContext.Endpoints(this, ArmUrl, null), endpoints => AccessToken is not null
                ? new SecureTokenSource(AccessToken, null)
                : new RenewingTokenSource(() => AzContext.Tokens(this, endpoints, null, null)));
            _converter = new WorkspaceIdentityConverter(_connection.Workspaces, options);
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
    }

    protected override void ProcessRecord()
    {
        WorkspaceId workspace;
        try
        {
            workspace = ParameterSetName == ResourceIdSet
                ? WorkspaceId.Parse(ResourceId)
                : WorkspaceId.From(SubscriptionId ?? ContextSubscriptionId() ?? throw NoSubscription(), ResourceGroupName, Name);
            (_connection!.Tokens as RenewingTokenSource)?.RenewIfDue();
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
            var plan = Wait(_converter!.PlanAsync(workspace, _connection!.Cancellation));
            var result = plan.Record;
            if (plan.HasWrites)
            {
                if (Confirmed(workspace, plan, out var whatIf))
                {
                    Progress(number, workspace, NoWait ? "sending the change" : "changing, then waiting for Azure to grant the role");
                    result = Wait(_converter.ApplyAsync(plan, _connection.Cancellation));
                }
                else
                {
                    result = plan.NotApplied(whatIf);
                }
            }
            Report(result);
        }
        catch (AmlRbacException exception)
        {
            // Only a refused token gets here: every further workspace would fail the same way.
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
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

    public void Dispose()
    {
        _connection?.Dispose();
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

    // ShouldProcess with its reason: WhatIf when -WhatIf or $WhatIfPreference (also a caller's) is in
    // effect, so that a No to -Confirm can be told from a WhatIf. The texts are those of ShouldProcess(target, action).
    private bool Confirmed(WorkspaceId workspace, ConversionPlan plan, out bool whatIf)
    {
        var description = $"Performing the operation \"{plan.Action}\" on target \"{workspace.Id}\".";
        var confirmed = ShouldProcess(description, "Are you sure you want to perform this action?\n" + description, "Confirm", out var reason);
        whatIf = (reason & ShouldProcessReason.WhatIf) != 0;
        return confirmed;
    }

    private void Progress(int number, WorkspaceId workspace, string doing) =>
        WriteProgress(new ProgressRecord(0, Activity, $"Workspace {number}: {workspace.Name} ({workspace.ResourceGroupName})")
        {
            CurrentOperation = doing,
        });

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    // Asked once, on the pipeline thread, for the first workspace given by name without -SubscriptionId;
    // no Az.Accounts or no context (null) makes -SubscriptionId needed (NoSubscription).
    private string? ContextSubscriptionId()
    {
        _contextSubscriptionId ??= new Lazy<string?>(() => AzContext.SubscriptionId(this), LazyThreadSafetyMode.None);
        return _contextSubscriptionId.Value;
    }

    private static AmlRbacException NoSubscription() =>
        new(ErrorIds.SubscriptionMissing, FailureCategory.InvalidArgument,
            "-SubscriptionId is needed: there is no Az context to take the subscription from (Connect-AzAccount, or give -SubscriptionId).", "SubscriptionId");
}
