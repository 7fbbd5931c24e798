using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Output;

/// <summary>One permission block, with the property names of Az's PSPermission (Az.Resources 10.0 and later).</summary>
public sealed class AmlPermission
{
    public List<string> Actions { get; init; } = new();
    public List<string> NotActions { get; init; } = new();
    public List<string> DataActions { get; init; } = new();
    public List<string> NotDataActions { get; init; } = new();
    public string? Condition { get; init; }
    public string? ConditionVersion { get; init; }
}

/// <summary>
/// A role definition with the property names of Az's PSRoleDefinition, in the shape <see cref="Shape"/>
/// says ([AZPS-AUTH], [AZPS-PERMISSIONS]): Permissions (Az.Resources 10.0 and later; the flat lists are null) or Flat (before
/// 10.0; Permissions is null). It reads like Get-AzRoleDefinition output of that Az version and pipes back
/// into Test-AmlPermission -RoleDefinition and New-AmlCustomRole. The lists are List&lt;string&gt; as in Az,
/// so $role.Actions.Add(...) or $role.Permissions[0].Actions.Add(...) work as users know them.
/// The evidence comes with it: Findings (lint), Comparison (-ReferenceRole) and Compaction (-Compact).
/// </summary>
public sealed class AmlRoleDefinition
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public bool IsCustom { get; init; }
    public string? Description { get; init; }
    public List<string>? Actions { get; init; }
    public List<string>? NotActions { get; init; }
    public List<string>? DataActions { get; init; }
    public List<string>? NotDataActions { get; init; }
    public List<AmlPermission>? Permissions { get; init; }
    public List<string> AssignableScopes { get; init; } = new();
    /// <summary>Which Az shape this object has: Permissions or Flat.</summary>
    public RoleShape Shape { get; init; }
    public IReadOnlyList<RoleFinding> Findings { get; init; } = Array.Empty<RoleFinding>();
    public RoleComparison? Comparison { get; init; }
    public RoleCompaction? Compaction { get; init; }
    /// <summary>The JSON file written with -OutFile, if any.</summary>
    public string? OutFile { get; init; }

    public static AmlRoleDefinition From(CustomRoleResult result)
    {
        var role = result.Role;
        var flat = result.Shape == RoleShape.Flat ? RoleDefinitionJson.FlatBlock(role) : null;
        return new AmlRoleDefinition
        {
            Name = role.Name,
            Id = role.Id,
            IsCustom = role.IsCustom,
            Description = role.Description,
            Actions = flat?.Actions.ToList(),
            NotActions = flat?.NotActions.ToList(),
            DataActions = flat?.DataActions.ToList(),
            NotDataActions = flat?.NotDataActions.ToList(),
            Permissions = flat is null ? role.Permissions.Select(ToAz).ToList() : null,
            AssignableScopes = role.AssignableScopes.ToList(),
            Shape = result.Shape,
            Findings = result.Findings,
            Comparison = result.Comparison,
            Compaction = result.Compaction,
            OutFile = result.OutFile,
        };
    }

    private static AmlPermission ToAz(Permission block) => new()
    {
        Actions = block.Actions.ToList(),
        NotActions = block.NotActions.ToList(),
        DataActions = block.DataActions.ToList(),
        NotDataActions = block.NotDataActions.ToList(),
        Condition = block.Condition,
        ConditionVersion = block.ConditionVersion,
    };
}
