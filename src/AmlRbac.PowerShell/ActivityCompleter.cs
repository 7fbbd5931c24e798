using AmlRbac.Catalog;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -Activity with the catalog's activity names; the tooltip says what each one is.</summary>
public sealed class ActivityCompleter : NameCompleter
{
    protected override IEnumerable<string> Names() => AmlCatalog.Default.Activities.Select(a => a.Name);

    protected override string? Describe(string name) => AmlCatalog.Default.GetActivity(name).DisplayName;
}
