using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// Finds the Actions / NotActions / DataActions / NotDataActions entries that name nothing the catalog
/// knows. Azure accepts a custom role whose entries match no operation, so a typo silently grants or
/// removes nothing; the example custom roles of [MLROLES] carry such entries (see templates.json "corrections").
/// An entry resolves when it is an operation of the catalog or a wildcard matching at least one, by the
/// rule of <see cref="ActionPattern"/>, and when what it matches is of its list's plane.
/// </summary>
public static class CatalogCheck
{
    private const string Actions = "Actions";
    private const string NotActions = "NotActions";
    private const string DataActions = "DataActions";
    private const string NotDataActions = "NotDataActions";

    /// <summary>Every finding for the catalog's built-in roles, templates and activities.</summary>
    public static IReadOnlyList<CatalogFinding> Run(AmlCatalog catalog)
    {
        var findings = new List<CatalogFinding>();
        foreach (var role in catalog.BuiltInRoles)
        {
            findings.AddRange(CheckRole(catalog, CatalogSubject.BuiltInRole, role.Name, role));
        }
        foreach (var template in catalog.Templates)
        {
            findings.AddRange(CheckRole(catalog, CatalogSubject.Template, template.Name, template.Role));
        }
        foreach (var activity in catalog.Activities)
        {
            findings.AddRange(CheckList(catalog, CatalogSubject.Activity, activity.Name, Actions, activity.Actions, dataPlane: false));
            findings.AddRange(CheckList(catalog, CatalogSubject.Activity, activity.Name, DataActions, activity.DataActions, dataPlane: true));
        }
        return findings;
    }

    /// <summary>The findings for one role definition (built-in, template, or a user's custom role).</summary>
    public static IEnumerable<CatalogFinding> CheckRole(AmlCatalog catalog, CatalogSubject subject, string name, RoleDefinition role)
    {
        foreach (var block in role.Permissions)
        {
            foreach (var finding in CheckList(catalog, subject, name, Actions, block.Actions, dataPlane: false)
                .Concat(CheckList(catalog, subject, name, NotActions, block.NotActions, dataPlane: false))
                .Concat(CheckList(catalog, subject, name, DataActions, block.DataActions, dataPlane: true))
                .Concat(CheckList(catalog, subject, name, NotDataActions, block.NotDataActions, dataPlane: true)))
            {
                yield return finding;
            }
        }
    }

    /// <summary>
    /// Why <paramref name="entry"/> does not resolve, or null when it does. <paramref name="dataPlane"/>
    /// is true for DataActions / NotDataActions entries.
    /// </summary>
    public static CatalogFindingKind? Classify(AmlCatalog catalog, string entry, bool dataPlane)
    {
        var pattern = new ActionPattern(entry);
        var provider = pattern.Text.Split('/')[0];
        var spansProviders = provider.Contains('*');
        if (!spansProviders && !catalog.Providers.Contains(provider))
        {
            return CatalogFindingKind.OutsideCatalog;
        }

        var matchesOtherPlane = false;
        // An entry of one provider can match only that provider's operations.
        var candidates = spansProviders ? Enumerable.Range(0, catalog.Operations.Count) : catalog.OperationIndexesOf(provider);
        foreach (var operation in candidates.Select(i => catalog.Operations[i]))
        {
            if (pattern.Matches(operation.Name))
            {
                if (operation.IsDataAction == dataPlane)
                {
                    return null;
                }
                matchesOtherPlane = true;
            }
        }
        // A wildcard over providers ("*/read") may match operations of providers the catalog does not list.
        if (spansProviders)
        {
            return CatalogFindingKind.OutsideCatalog;
        }
        return matchesOtherPlane ? CatalogFindingKind.WrongPlane : CatalogFindingKind.Unmatched;
    }

    /// <summary>
    /// The exact entries (no wildcard) of built-in roles, of providers the catalog lists, that the catalog does not
    /// list with the kind of their list (Actions and NotActions: control; DataActions and NotDataActions: data), each
    /// once, with the roles that name it. Empty when every page was copied whole: an entry here is a row lost in
    /// transcription, or an operation newer than its page (build/Update-Catalog.ps1 makes the same check and lists
    /// the real ones in build/catalog/role-operations-not-on-pages.tsv).
    /// </summary>
    public static IReadOnlyList<(string Entry, bool IsDataAction, IReadOnlyList<string> Roles)> RoleOperationsMissing(AmlCatalog catalog)
    {
        var missing = new Dictionary<(string, bool), List<string>>();
        var order = new List<(string Entry, bool IsDataAction)>();
        foreach (var role in catalog.BuiltInRoles)
        {
            foreach (var block in role.Permissions)
            {
                foreach (var (entries, isData) in new[] { (block.Actions, false), (block.NotActions, false), (block.DataActions, true), (block.NotDataActions, true) })
                {
                    foreach (var entry in entries.Select(e => e.Trim()))
                    {
                        if (entry.Contains('*') || !catalog.Providers.Contains(entry.Split('/')[0]) || catalog.IndexOfOperation(entry, isData) >= 0)
                        {
                            continue;
                        }
                        var key = (entry.ToLowerInvariant(), isData);
                        if (!missing.TryGetValue(key, out var roles))
                        {
                            missing[key] = roles = new List<string>();
                            order.Add((entry, isData));
                        }
                        if (!roles.Contains(role.Name))
                        {
                            roles.Add(role.Name);
                        }
                    }
                }
            }
        }
        return order.Select(o => (o.Entry, o.IsDataAction, (IReadOnlyList<string>)missing[(o.Entry.ToLowerInvariant(), o.IsDataAction)])).ToList();
    }

    private static IEnumerable<CatalogFinding> CheckList(
        AmlCatalog catalog, CatalogSubject subject, string name, string list, IReadOnlyList<string> entries, bool dataPlane)
    {
        foreach (var entry in entries)
        {
            if (Classify(catalog, entry, dataPlane) is { } kind)
            {
                yield return new CatalogFinding(subject, name, list, entry, kind);
            }
        }
    }
}
