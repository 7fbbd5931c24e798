using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// Compare-AmlRbacSnapshot: amlrbac diff in PowerShell. One object per decision that changed between two snapshots
/// of a tenant (SnapshotComparison), nothing when none did; -Activity and -Privileged narrow what is compared as
/// --activity and --privileged do.
/// </summary>
[Cmdlet(VerbsData.Compare, "AmlRbacSnapshot", DefaultParameterSetName = CompareSet)]
[OutputType(typeof(AmlDecisionChange))]
public sealed class CompareAmlRbacSnapshotCommand : PSCmdlet
{
    public const string CompareSet = "Compare";

    /// <summary>The earlier snapshot file, relative to the current location.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? BeforePath { get; set; }

    /// <summary>The later snapshot file of the same tenant.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? AfterPath { get; set; }

    /// <summary>Only the catalog activities (and Azure Policy's verdicts on model deployments).</summary>
    [Parameter]
    public SwitchParameter Activity { get; set; }

    /// <summary>Only the privileged operations: role assignment writes and the reads of keys and secrets.</summary>
    [Parameter]
    public SwitchParameter Privileged { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var before = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BeforePath);
            var after = SessionState.Path.GetUnresolvedProviderPathFromPSPath(AfterPath);
            var diff = new SnapshotComparison(Activity, Privileged).Compare(before, after);
            WriteVerbose($"Before: {diff.Before!.Path} (sha256 {diff.Before.Sha256}); after: {diff.After!.Path} (sha256 {diff.After.Sha256}); " +
                $"{diff.Items.Count} changed item(s), {diff.Decisions.Count} changed decision(s) in {diff.PairsEvaluated} (principal, scope) pair(s).");
            foreach (var change in diff.Decisions)
            {
                WriteObject(AmlDecisionChange.From(change, diff));
            }
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
    }
}
