using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

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
