using AmlRbac.Catalog;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Provider: the resource providers whose operations the catalog lists.</summary>
public sealed class ProviderCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => AmlCatalog.Default.Providers.Order(StringComparer.OrdinalIgnoreCase);

    protected override string? Describe(string name) => null;
}
