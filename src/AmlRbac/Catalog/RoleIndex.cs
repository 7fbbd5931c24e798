using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>The built-in roles with their lookups: by name, by id, and by a former name (<see cref="RoleAlias"/>).</summary>
internal sealed class RoleIndex
{
    private readonly Dictionary<string, RoleDefinition> _byId;
    private readonly Dictionary<string, RoleDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RoleAlias> _aliases = new(StringComparer.OrdinalIgnoreCase);

    public RoleIndex(IReadOnlyList<RoleDefinition> roles, IReadOnlyList<RoleAlias> aliases)
    {
        Roles = roles;
        Aliases = aliases;
        _byId = roles.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var role in roles)
        {
            _byName.TryAdd(role.Name, role);
        }
        foreach (var alias in aliases)
        {
            _aliases.TryAdd(alias.Name, alias);
        }
    }

    public IReadOnlyList<RoleDefinition> Roles { get; }

    public IReadOnlyList<RoleAlias> Aliases { get; }

    public RoleDefinition? Find(string nameOrId)
    {
        var text = nameOrId.Trim();
        if (_byName.TryGetValue(text, out var byName))
        {
            return byName;
        }
        if (_byId.TryGetValue(ObjectIds.NormalizeRoleDefinition(text), out var byId))
        {
            return byId;
        }
        return FindAlias(text) is { } alias ? _byId.GetValueOrDefault(alias.RoleId) : null;
    }

    public RoleAlias? FindAlias(string name) => _aliases.TryGetValue(name.Trim(), out var alias) ? alias : null;
}
