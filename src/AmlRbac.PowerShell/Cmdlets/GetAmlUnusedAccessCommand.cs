using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Get-AmlUnusedAccess: per role assignment of a snapshot (or the sample tenant), what its principal used in an activity
/// log, what it never used, and whether to keep, remove, replace or review it. The work is UnusedAccessQuestion's, shared
/// with amlrbac unused; what the log cannot show, callers no principal matches and operations no assignment grants are warnings.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AmlUnusedAccess", DefaultParameterSetName = SnapshotSet)]
[OutputType(typeof(AmlAssignmentUse))]
public sealed class GetAmlUnusedAccessCommand : PSCmdlet
{
    public const string SnapshotSet = "Snapshot";
    public const string LiteralSnapshotSet = "LiteralSnapshot";
    public const string SampleSet = "Sample";

    private const string HowToGiveSource = "give -SnapshotPath, or -Sample for the built-in sample tenant Contoso";

    /// <summary>The snapshot whose role assignments are judged (wildcards allowed; they must match one file).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? SnapshotPath { get; set; }

    /// <summary>The snapshot, taken literally (no wildcard expansion).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralSnapshotSet)]
    [ValidateNotNullOrEmpty]
    public string? LiteralSnapshotPath { get; set; }

    /// <summary>Judge the built-in sample tenant Contoso (samples/contoso.activity-log.json is its activity log).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
    public SwitchParameter Sample { get; set; }

    /// <summary>The activity log (taken literally): az monitor activity-log list or Get-AzActivityLog | ConvertTo-Json output, or an AzureActivity export (JSON or CSV).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? ActivityLogPath { get; set; }

    protected override void EndProcessing()
    {
        UnusedAccessReport report;
        try
        {
            var log = ActivityLogReader.Read(ProviderPaths.Literal(SessionState, ActivityLogPath!));
            var snapshots = SnapshotPath is not null ? ProviderPaths.Resolve(SessionState, SnapshotPath)
                : LiteralSnapshotPath is not null ? new[] { ProviderPaths.Literal(SessionState, LiteralSnapshotPath) }
                : Array.Empty<string>();
            var choice = TenantChoice.Choose(snapshots, piped: null, Sample, needsTenant: true, HowToGiveSource, SnapshotCache.Shared);
            report = new UnusedAccessQuestion(new AccessEvaluator(choice.Tenant), log).Answer();
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
            return;
        }
        WriteVerbose($"Activity log {report.ActivityLog} ({report.Shape}): {report.Records} record(s), {report.Performed} of a performed operation, " +
            $"from {report.From:u} to {report.To:u}.");
        WriteWarning("The activity log cannot show: " + string.Join(" ", report.Limits));
        foreach (var miss in report.UnmatchedCallers)
        {
            WriteWarning($"Caller {miss.Caller} ({miss.Records} record(s)) is no principal of the snapshot (by object id, user principal name or app id): its use is credited to no assignment.");
        }
        foreach (var use in report.Unexplained)
        {
            WriteWarning($"{use.Caller} performed {use.Operation} at {use.Scope} ({use.Records} record(s)): {use.Why}");
        }
        foreach (var assignment in AmlAssignmentUse.From(report))
        {
            WriteObject(assignment);
        }
    }
}
