using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>What New-AmlCustomRole and amlrbac role new return: the role, its shape, and the evidence.</summary>
public sealed record CustomRoleResult
{
    public required RoleDefinition Role { get; init; }
    public required RoleShape Shape { get; init; }
    public required IReadOnlyList<RoleFinding> Findings { get; init; }
    /// <summary>With a reference role: what each grants that the other does not.</summary>
    public RoleComparison? Comparison { get; init; }
    /// <summary>With -Compact: the wildcards used and the proof the compact role grants what the explicit one does.</summary>
    public RoleCompaction? Compaction { get; init; }
    /// <summary>The JSON file written, if any.</summary>
    public string? OutFile { get; init; }

    /// <summary>
    /// Why the role fails its check, one sentence each, in the words both hosts show: each finding at error
    /// severity, then what the role grants beyond the reference role. Empty when it passes.
    /// </summary>
    public IReadOnlyList<string> Failures =>
        Findings.Where(f => f.IsError).Select(f => $"{f.Id} {f.Rule}: {f.Message}")
            .Concat(Comparison is { GrantsNoMore: false } comparison
                ? new[] { $"Role '{comparison.RoleName}' grants {comparison.OnlyInRole.Count} catalog operation(s) that '{comparison.ReferenceName}' does not: {string.Join(", ", comparison.OnlyInRole)}." }
                : Array.Empty<string>())
            .ToList();

    /// <summary>The role passes its check: no finding at error severity, and nothing granted beyond the reference role.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>The role as the JSON file of its shape (what -OutFile writes).</summary>
    public string Json => RoleDefinitionJson.Write(Role, Shape);
}
