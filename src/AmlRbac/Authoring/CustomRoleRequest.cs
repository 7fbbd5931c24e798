using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Authoring;

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

/// <summary>
/// One New-AmlCustomRole / amlrbac role new request, shared by both hosts: build, compact (-Compact),
/// lint, compare with the reference role, write the file (-OutFile). Nothing is sent to Azure.
/// </summary>
public sealed class CustomRoleRequest
{
    public required RoleBuilder Builder { get; init; }
    public bool Compact { get; init; }
    /// <summary>A role to compare with: a definition given (piped or read from a file)...</summary>
    public RoleDefinition? ReferenceRole { get; init; }
    /// <summary>...or a built-in role's name or id.</summary>
    public string? ReferenceRoleName { get; init; }
    public RoleShape Shape { get; init; } = RoleShape.Permissions;
    public string? OutFile { get; init; }

    public CustomRoleResult Execute(AccessEvaluator? evaluator = null)
    {
        evaluator ??= new AccessEvaluator(Tenant.Empty);
        var reference = ReferenceRole ?? (ReferenceRoleName is null ? null : evaluator.GetRole(ReferenceRoleName));
        var role = Builder.Build();
        RoleCompaction? compaction = null;
        if (Compact)
        {
            compaction = RoleCompactor.Compact(evaluator, role);
            role = compaction.Compact;
        }
        if (Shape == RoleShape.Flat)
        {
            RoleDefinitionJson.FlatBlock(role); // refuses a role the flat shape cannot hold, before anything is written
        }
        if (OutFile is not null)
        {
            RoleDefinitionJson.WriteFile(role, Shape, OutFile);
        }
        return new CustomRoleResult
        {
            Role = role,
            Shape = Shape,
            Findings = new RoleLinter(evaluator).Lint(role),
            Comparison = reference is null ? null : RoleComparison.Compare(evaluator, role, reference),
            Compaction = compaction,
            OutFile = OutFile,
        };
    }
}
