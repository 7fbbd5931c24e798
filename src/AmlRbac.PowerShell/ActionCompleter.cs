using AmlRbac.Catalog;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Action with the catalog's operation names; the tooltip is Azure's description of the operation.</summary>
public sealed class ActionCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => AmlCatalog.Default.OperationNames;

    protected override string? Describe(string name) => AmlCatalog.Default.FindOperation(name)?.Description;
}
