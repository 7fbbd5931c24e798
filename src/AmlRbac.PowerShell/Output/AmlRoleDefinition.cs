using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell.Output;

/// <summary>One permission block, with the property names of Az's PSPermission (Az.Resources 10.0 and later).</summary>
public sealed class AmlPermission
{
    public List<string> Actions { get; init; } = new ReadableList<string>();
    public List<string> NotActions { get; init; } = new ReadableList<string>();
    public List<string> DataActions { get; init; } = new ReadableList<string>();
    public List<string> NotDataActions { get; init; } = new ReadableList<string>();
    public string? Condition { get; init; }
    public string? ConditionVersion { get; init; }

    /// <summary>The block's non-empty lists, "Actions: a, b. NotActions: c.", and its condition.</summary>
    public override string ToString()
    {
        var lists = new (string Name, List<string> Items)[]
        {
            (nameof(Actions), Actions), (nameof(NotActions), NotActions), (nameof(DataActions), DataActions), (nameof(NotDataActions), NotDataActions),
        };
        return string.Join(" ", lists
            .Where(list => list.Items.Count > 0)
            .Select(list => $"{list.Name}: {string.Join(", ", list.Items)}.")
            .Concat(Condition is null ? Array.Empty<string>() : new[] { $"Condition: {Condition}" }));
    }
}

/// <summary>
/// A role definition with the property names of Az's PSRoleDefinition, in the shape <see cref="Shape"/>
/// says ([AZPS-AUTH], [AZPS-PERMISSIONS]): Permissions (Az.Resources 10.0 and later; the flat lists are null) or Flat (before
/// 10.0; Permissions is null). It reads like Get-AzRoleDefinition output of that Az version and pipes back
/// into Test-AmlPermission -RoleDefinition and New-AmlCustomRole. The lists are List&lt;string&gt; as in Az,
/// so $role.Actions.Add(...) or $role.Permissions[0].Actions.Add(...) work as users know them (and they are
/// <see cref="ReadableList{T}"/>, so Export-Csv writes their entries).
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
    public List<string> AssignableScopes { get; init; } = new ReadableList<string>();
    /// <summary>Which Az shape this object has: Permissions or Flat.</summary>
    public required string Shape { get; init; }
    public ReadableList<AmlRoleFinding> Findings { get; init; } = new();
    public AmlRoleComparison? Comparison { get; init; }
    public AmlRoleCompaction? Compaction { get; init; }
    /// <summary>The JSON file written with -OutFile, if any.</summary>
    public string? OutFile { get; init; }

    /// <summary>The role, its evidence and its file, in the shape asked for.</summary>
    public static AmlRoleDefinition From(CustomRoleResult result)
    {
        var role = From(result.Role, result.Shape);
        return new AmlRoleDefinition
        {
            Name = role.Name,
            Id = role.Id,
            IsCustom = role.IsCustom,
            Description = role.Description,
            Actions = role.Actions,
            NotActions = role.NotActions,
            DataActions = role.DataActions,
            NotDataActions = role.NotDataActions,
            Permissions = role.Permissions,
            AssignableScopes = role.AssignableScopes,
            Shape = role.Shape,
            Findings = ReadableList.Of(result.Findings, AmlRoleFinding.From),
            Comparison = result.Comparison is { } comparison ? AmlRoleComparison.From(comparison) : null,
            Compaction = result.Compaction is { } compaction ? AmlRoleCompaction.From(compaction, result.Shape) : null,
            OutFile = result.OutFile,
        };
    }

    /// <summary>The role alone, in <paramref name="shape"/>.</summary>
    public static AmlRoleDefinition From(RoleDefinition role, RoleShape shape)
    {
        var flat = shape == RoleShape.Flat ? RoleDefinitionJson.FlatBlock(role) : null;
        return new AmlRoleDefinition
        {
            Name = role.Name,
            Id = role.Id,
            IsCustom = role.IsCustom,
            Description = role.Description,
            Actions = flat is null ? null : ReadableList.Of(flat.Actions),
            NotActions = flat is null ? null : ReadableList.Of(flat.NotActions),
            DataActions = flat is null ? null : ReadableList.Of(flat.DataActions),
            NotDataActions = flat is null ? null : ReadableList.Of(flat.NotDataActions),
            Permissions = flat is null ? ReadableList.Of(role.Permissions, ToAz) : null,
            AssignableScopes = ReadableList.Of(role.AssignableScopes),
            Shape = shape.ToString(),
        };
    }

    /// <summary>"Name (Id)": how a role nested in another object (a compaction's two roles) reads.</summary>
    public override string ToString() => $"{Name} ({Id})";

    private static AmlPermission ToAz(Permission block) => new()
    {
        Actions = ReadableList.Of(block.Actions),
        NotActions = ReadableList.Of(block.NotActions),
        DataActions = ReadableList.Of(block.DataActions),
        NotDataActions = ReadableList.Of(block.NotDataActions),
        Condition = block.Condition,
        ConditionVersion = block.ConditionVersion,
    };
}
