
namespace AmlRbac.Catalog;

/// <summary>What a <see cref="CatalogCheck"/> finding is about.</summary>
public enum CatalogSubject
{
    BuiltInRole,
    Template,
    Activity,
}

/// <summary>Why an entry was reported.</summary>
public enum CatalogFindingKind
{
    /// <summary>
    /// The entry belongs to a provider the catalog lists in full, yet it is neither an operation nor a
    /// wildcard matching one: a typo, or a V1/V2 path mix-up such as "workspaces/experiments/jobs/read".
    /// </summary>
    Unmatched,

    /// <summary>
    /// The entry names only operations of the other plane: an Actions entry that matches only data
    /// actions, or a DataActions entry that matches only control-plane actions. Azure evaluates the two
    /// lists separately ([RD] role-definitions.md: "Actions - NotActions" and "DataActions -
    /// NotDataActions"), so such an entry grants or removes nothing.
    /// </summary>
    WrongPlane,

    /// <summary>
    /// The entry's provider is not one the catalog lists in full (<see cref="AmlCatalog.Providers"/>), so
    /// the catalog cannot tell whether it exists. Informational, not an error.
    /// </summary>
    OutsideCatalog,
}

/// <summary>One entry of a role, template or activity that the catalog cannot resolve to an operation.</summary>
/// <param name="Subject">What kind of catalog item holds the entry.</param>
/// <param name="Name">The built-in role, template or activity name.</param>
/// <param name="List">"Actions", "NotActions", "DataActions" or "NotDataActions".</param>
/// <param name="Entry">The entry as written.</param>
/// <param name="Kind">Why it was reported.</param>
public sealed record CatalogFinding(CatalogSubject Subject, string Name, string List, string Entry, CatalogFindingKind Kind);
