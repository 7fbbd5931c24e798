using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>An operation a question is about, resolved against the catalog.</summary>
internal readonly record struct ResolvedAction(string Name, int CatalogIndex, bool IsDataAction)
{
    /// <summary>
    /// Resolves a concrete operation name. Inside the providers the catalog lists in full, an unknown
    /// name is a typo that would silently be "not granted", so it is an error with suggestions; outside
    /// them the name is taken as given, a data action when <paramref name="isDataAction"/> says so.
    /// A catalog operation keeps the catalog's kind (Azure's operation list decides it); of a name listed
    /// both as a control and as a data action (Microsoft.KeyVault/vaults/keys/read), <paramref name="isDataAction"/> picks one.
    /// </summary>
    public static ResolvedAction Resolve(string? action, bool isDataAction, AmlCatalog catalog)
    {
        var name = action?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Contains('*') || name.Any(char.IsWhiteSpace) || name.Split('/').Length < 2 || name.Split('/').Any(s => s.Length == 0))
        {
            throw new AmlRbacException(ErrorIds.ActionInvalid, FailureCategory.InvalidArgument,
                $"Action '{action}' is not an operation name: expected '{{Provider}}/{{resourceType}}/.../{{read|write|delete|action}}' " +
                "with no wildcard or spaces (for example Microsoft.MachineLearningServices/workspaces/computes/write).", action);
        }
        var index = catalog.IndexOfOperation(name);
        if (index >= 0)
        {
            var operation = catalog.Operations[index = catalog.KindOf(index, isDataAction)];
            return new ResolvedAction(operation.Name, index, operation.IsDataAction);
        }
        var provider = name.Split('/')[0];
        if (catalog.Providers.Contains(provider))
        {
            throw new AmlRbacException(ErrorIds.ActionUnknown, FailureCategory.ObjectNotFound,
                $"Action '{name}' is not a {provider} operation.{Suggestions.DidYouMean(name, catalog.OperationIndexesOf(provider).Select(i => catalog.Operations[i].Name).Distinct(StringComparer.OrdinalIgnoreCase))} " +
                "List them with 'amlrbac catalog operations'.", action);
        }
        return new ResolvedAction(name, -1, isDataAction);
    }
}
