using AmlRbac.Catalog;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -RoleName with the built-in role names, quoted; the tooltip is the role's description.</summary>
public sealed class RoleNameCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => AmlCatalog.Default.BuiltInRoles.Select(r => r.Name);

    protected override string? Describe(string name) => AmlCatalog.Default.FindRole(name)?.Description;
}
