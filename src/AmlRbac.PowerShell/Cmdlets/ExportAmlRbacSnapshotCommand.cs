using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Export-AmlRbacSnapshot: reads what the evaluator needs for the scopes from live Azure (role
/// definitions, role assignments, eligible assignments, deny assignments, the management-group hierarchy,
/// group members, principal names and the Azure Policy objects that apply) and writes it as a snapshot file for offline checks, evidence and
/// diffs. The file is written only when everything was read: a failed or stopped export leaves no file.
/// </summary>
[Cmdlet(VerbsData.Export, "AmlRbacSnapshot", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportAmlRbacSnapshotCommand : LiveCmdlet
{
    public const string PathSet = "Path";
    public const string LiteralPathSet = "LiteralPath";

    private readonly List<Scope> _scopes = new();

    /// <summary>Management group, subscription, resource group or workspace ids to read.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ResourceId", "Id")]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    /// <summary>The snapshot file to write (relative to the current location).</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
    [Alias("OutFile")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>The snapshot file to write, taken literally.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string? LiteralPath { get; set; }

    /// <summary>Write the file's FileInfo to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            // Scopes are checked as they come, before any request, so a typo costs nothing.
            foreach (var scope in Scope ?? Array.Empty<string>())
            {
                _scopes.Add(Model.Scope.Parse(scope));
            }
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
    }

    protected override void EndProcessing()
    {
        var path = PathSet == ParameterSetName
            ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path!)
            : SessionState.Path.GetUnresolvedProviderPathFromPSPath(LiteralPath!);
        var scopes = _scopes.Distinct().ToList();
        if (!ShouldProcess(path, $"Export the RBAC of {string.Join(", ", scopes)} to a snapshot"))
        {
            return;
        }
        try
        {
            var collection = RunLive((collector, progress, cancel) => LiveExport.ExportAsync(collector, scopes, path, progress, cancel));
            WriteVerbose($"Wrote {path} in {collection.Requests} requests. {TenantSummary.Describe(collection.Counts, collection.Tenant.Source)}");
            if (PassThru)
            {
                WriteObject(new FileInfo(path));
            }
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: no file was written; PowerShell is stopping the pipeline already.
        }
    }
}
