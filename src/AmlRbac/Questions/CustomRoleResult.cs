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

    /// <summary>The role as the JSON file of its shape (what -OutFile writes).</summary>
    public string Json => RoleDefinitionJson.Write(Role, Shape);
}
