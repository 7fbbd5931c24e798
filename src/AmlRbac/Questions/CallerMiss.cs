namespace AmlRbac.Questions;

/// <summary>A caller of the activity log that no principal of the snapshot is: its use is credited to no assignment.</summary>
public sealed record CallerMiss(string Caller, int Records);
