using AmlRbac.Catalog;

namespace AmlRbac.Questions;

/// <summary>
/// The warnings about the operations a question names, worded once for every host: an operation the catalog does not
/// list is answered as the kind the user gave (control unless -DataAction / --data-action), which may be wrong, so
/// the answer says so, with the closest catalog names; and -DataAction / --data-action on an operation the catalog
/// lists with one kind is ignored, which it says too. (A misspelling within a provider the catalog lists is an error,
/// ActionUnknown, before any warning.)
/// </summary>
public static class OperationWarnings
{
    public static IReadOnlyList<string> For(AmlCatalog catalog, IEnumerable<string> actions, bool isDataAction)
    {
        var warnings = new List<string>();
        foreach (var action in actions.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var index = catalog.IndexOfOperation(action);
            var kind = isDataAction ? "data" : "control";
            if (index < 0)
            {
                warnings.Add($"Operation '{action}' is unknown to the catalog (its provider {action.Split('/')[0]} is not one of the {catalog.Providers.Count} it lists), " +
                    $"so it is answered as a {kind} action as given{(isDataAction ? string.Empty : "; if it is a data action, ask with -DataAction (--data-action)")}." +
                    Suggestions.DidYouMean(action, catalog.OperationNames));
            }
            else if (isDataAction && !catalog.Operations[catalog.KindOf(index, isDataAction)].IsDataAction)
            {
                warnings.Add($"Operation '{catalog.Operations[index].Name}' is a control action in the catalog, so it is answered as one: " +
                    "-DataAction (--data-action) applies only to operations the catalog does not list, or lists as both.");
            }
        }
        return warnings;
    }
}
