using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>Which Azure ML API generation an activity's operations belong to ([MLROLES], "Differences between actions for V1 and V2 APIs").</summary>
public enum ApiGeneration
{
    /// <summary>The activity is the same for V1 and V2.</summary>
    Any,
    V1,
    V2,
}

/// <summary>
/// Something a person does in Azure ML ("create a compute cluster", "submit a V2 job"), with the
/// operations it requires and the least scope at which they can be granted. From the "Common
/// scenarios" table of "Manage access to Azure Machine Learning workspaces" [MLROLES].
/// An activity is allowed only when every one of its required actions is allowed.
/// </summary>
public sealed record Activity
{
    /// <summary>Stable PascalCase name users type and tab-complete (e.g. CreateCompute, SubmitRunV2).</summary>
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>
    /// Required control-plane operations. Where the documentation writes a wildcard, these are the operations the
    /// activity needs of it (<see cref="DocumentedAs"/> keeps the wildcard); an entry may still be a wildcard of a
    /// provider outside the catalog.
    /// </summary>
    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    /// <summary>
    /// The documentation's entries as written, when they differ from <see cref="Actions"/> (a wildcard such as
    /// /workspaces/jobs/*): what text shows beside the operations the activity needs. A role granting the wildcard
    /// grants them.
    /// </summary>
    public IReadOnlyList<string> DocumentedAs { get; init; } = Array.Empty<string>();
    /// <summary>
    /// Where Azure checks an operation, by operation (an entry of <see cref="Actions"/> or <see cref="DataActions"/>),
    /// as a <see cref="CheckLocation"/> name; an operation not listed is checked at <see cref="LeastScope"/>'s place.
    /// Read through <see cref="WhereChecked"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> CheckedAt { get; init; } = new Dictionary<string, string>();
    /// <summary>Required data actions (none of the Azure ML table's rows has one today).</summary>
    public IReadOnlyList<string> DataActions { get; init; } = Array.Empty<string>();
    /// <summary>The least scope at which the permissions can be granted.</summary>
    public ScopeLevel LeastScope { get; init; } = ScopeLevel.Resource;
    public ApiGeneration Api { get; init; } = ApiGeneration.Any;
    public required string Source { get; init; }
    public string? Notes { get; init; }

    /// <summary>Every operation the activity needs, control then data, with where it is checked and what the documentation writes for it.</summary>
    public IEnumerable<RequiredOperation> Required =>
        Actions.Select(a => new RequiredOperation(a, false, WhereChecked(a), DocumentedEntryOf(a)))
            .Concat(DataActions.Select(a => new RequiredOperation(a, true, WhereChecked(a), DocumentedEntryOf(a))));

    /// <summary>Where Azure checks one of the activity's operations. Throws InvalidOperationException for data naming no location.</summary>
    public CheckLocation WhereChecked(string operation)
    {
        var named = CheckedAt.FirstOrDefault(e => string.Equals(e.Key, operation, StringComparison.OrdinalIgnoreCase)).Value;
        return named is null
            ? CheckLocation.AtLeastScope(LeastScope)
            : CheckLocation.Parse(named) ?? throw new InvalidOperationException($"Activity {Name}: '{named}' (checkedAt of {operation}) is no place or related resource kind.");
    }

    /// <summary>The documented entry an operation comes from (<see cref="DocumentedAs"/>), or null when the documentation names it as is.</summary>
    public string? DocumentedEntryOf(string operation) =>
        DocumentedAs.FirstOrDefault(d => d.Contains('*') && new ActionPattern(d).Matches(operation));
}
