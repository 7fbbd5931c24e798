using AmlRbac.Model;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// A role definition with the property names of Az's PSRoleDefinition (before Az.Resources 10), so
/// it reads like Get-AzRoleDefinition output, serializes (ConvertTo-Json) to the file
/// New-AzRoleDefinition -InputFile takes, and pipes back into Test-AmlPermission -RoleDefinition.
/// The lists are List&lt;string&gt; as in Az, so $role.Actions.Add(...) works as users know it.
/// </summary>
public sealed class AmlRoleDefinition
{
    public required string Name { get; init; }
    public required string Id { get; init; }
    public bool IsCustom { get; init; }
    public string? Description { get; init; }
    public List<string> Actions { get; init; } = new();
    public List<string> NotActions { get; init; } = new();
    public List<string> DataActions { get; init; } = new();
    public List<string> NotDataActions { get; init; } = new();
    public List<string> AssignableScopes { get; init; } = new();

    /// <summary>The definition's one permission block, flattened (RoleBuilder builds exactly one).</summary>
    public static AmlRoleDefinition From(RoleDefinition role)
    {
        var permission = role.Permissions.Single();
        return new AmlRoleDefinition
        {
            Name = role.Name,
            Id = role.Id,
            IsCustom = role.IsCustom,
            Description = role.Description,
            Actions = permission.Actions.ToList(),
            NotActions = permission.NotActions.ToList(),
            DataActions = permission.DataActions.ToList(),
            NotDataActions = permission.NotDataActions.ToList(),
            AssignableScopes = role.AssignableScopes.ToList(),
        };
    }
}
