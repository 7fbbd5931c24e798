using AmlRbac.Catalog;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Template with the catalog's role template names; the tooltip is the role's name.</summary>
public sealed class TemplateCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => AmlCatalog.Default.Templates.Select(t => t.Name);

    protected override string? Describe(string name) => AmlCatalog.Default.FindTemplate(name)?.Role.Name;
}
