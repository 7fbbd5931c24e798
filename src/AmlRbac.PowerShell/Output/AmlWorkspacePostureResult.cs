using AmlRbac.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// One workspace and rule as Test-AmlWorkspacePosture reports it, one object each so Pester can test them
/// (<c>$r | Where-Object RuleId -eq AMLP002 | Select-Object -Expand Result | Should -Be Pass</c>). The property
/// names are a contract. Severity and Result are their names (ConvertTo-Json writes an enum as a number); CanChange
/// lists the principals who can change the setting by display name (or object id), "(Eligible)" or
/// "(Conditional)" after those who only could.
/// </summary>
public sealed record AmlWorkspacePostureResult
{
    /// <summary>The workspace's name.</summary>
    public string Workspace { get; init; } = string.Empty;
    public string WorkspaceId { get; init; } = string.Empty;
    public string RuleId { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    /// <summary>Error, Warning or Information.</summary>
    public string Severity { get; init; } = string.Empty;
    /// <summary>Pass, Fail, NotApplicable or Unknown.</summary>
    public string Result { get; init; } = string.Empty;
    public string Evidence { get; init; } = string.Empty;
    public string? PolicyDefinitionId { get; init; }
    public string? PolicyDefinitionName { get; init; }
    /// <summary>The learn.microsoft.com page that recommends the setting.</summary>
    public string Source { get; init; } = string.Empty;
    public ReadableList<string> CanChange { get; init; } = new();

    public static IEnumerable<AmlWorkspacePostureResult> From(PostureReport report) =>
        report.Workspaces.SelectMany(w => w.Rules.Select(r => new AmlWorkspacePostureResult
        {
            Workspace = w.Name,
            WorkspaceId = w.Id,
            RuleId = r.Rule.Id,
            Name = r.Rule.Name,
            Severity = r.Rule.Severity.ToString(),
            Result = r.Result.ToString(),
            Evidence = r.Evidence,
            PolicyDefinitionId = r.Rule.PolicyDefinitionId,
            PolicyDefinitionName = r.Rule.PolicyDefinitionName,
            Source = r.Rule.Source,
            CanChange = ReadableList.Of(r.CanChange.Select(PostureText.HolderName).ToList()),
        }));
}
