namespace AmlRbac.WorkspaceIdentity;

/// <summary>The counts over a run, and the summary line both hosts print at the end.</summary>
public sealed class ConversionSummary
{
    private readonly Dictionary<ConversionStatus, int> _counts = Enum.GetValues<ConversionStatus>().ToDictionary(s => s, _ => 0);

    public void Add(WorkspaceConversion conversion) => _counts[conversion.Status]++;

    public int this[ConversionStatus status] => _counts[status];

    public int Total => _counts.Values.Sum();

    /// <summary>"50 workspaces: 47 converted, 0 already converted, 0 planned, 0 skipped, 0 pending, 3 failed."</summary>
    public override string ToString() =>
        $"{Total} workspace{(Total == 1 ? "" : "s")}: {this[ConversionStatus.Converted]} converted, " +
        $"{this[ConversionStatus.AlreadyConverted]} already converted, {this[ConversionStatus.Planned]} planned, " +
        $"{this[ConversionStatus.Skipped]} skipped, " +
        $"{this[ConversionStatus.Pending]} pending, {this[ConversionStatus.Failed]} failed.";
}
