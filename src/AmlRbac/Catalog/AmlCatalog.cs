using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// What AmlRbac knows with no Azure connection: every built-in role, the operations of the resource providers whose
/// permissions pages it holds (Operation.Source says which page; operation-sources.tsv lists them), the activities of
/// the "Common scenarios" table, the example custom roles, the personas and the V1/V2 operation paths.
/// Immutable once built; <see cref="Default"/> is the embedded catalog. Each part is read the first time it is asked
/// for, so a question about one role and one operation does not parse the activities or the templates.
/// </summary>
public sealed class AmlCatalog
{
    private static readonly Lazy<AmlCatalog> EmbeddedCatalog = new(CatalogLoader.LoadEmbedded);

    private readonly Lazy<OperationIndex> _operations;
    private readonly Lazy<RoleIndex> _roles;
    private readonly Lazy<IReadOnlyList<Activity>> _activities;
    private readonly Lazy<IReadOnlyList<RoleTemplate>> _templates;
    private readonly Lazy<IReadOnlyList<Persona>> _personas;
    private readonly Lazy<IReadOnlyList<ApiPathMapping>> _apiPaths;
    private readonly Lazy<Dictionary<string, Activity>> _activitiesByName;
    private readonly Lazy<Dictionary<string, RoleTemplate>> _templatesByName;
    private readonly Lazy<Dictionary<string, Persona>> _personasByName;

    public AmlCatalog(
        IReadOnlyList<Operation> operations,
        IReadOnlyList<RoleDefinition> builtInRoles,
        IReadOnlyList<Activity>? activities = null,
        IReadOnlyList<RoleTemplate>? templates = null,
        IReadOnlyList<Persona>? personas = null,
        IReadOnlyList<ApiPathMapping>? apiPaths = null,
        IReadOnlyList<RoleAlias>? roleAliases = null)
        : this(() => operations, () => builtInRoles, () => roleAliases ?? Array.Empty<RoleAlias>(),
            () => activities ?? Array.Empty<Activity>(), () => templates ?? Array.Empty<RoleTemplate>(),
            () => personas ?? Array.Empty<Persona>(), () => apiPaths ?? Array.Empty<ApiPathMapping>())
    {
    }

    internal AmlCatalog(
        Func<IReadOnlyList<Operation>> operations,
        Func<IReadOnlyList<RoleDefinition>> builtInRoles,
        Func<IReadOnlyList<RoleAlias>> roleAliases,
        Func<IReadOnlyList<Activity>> activities,
        Func<IReadOnlyList<RoleTemplate>> templates,
        Func<IReadOnlyList<Persona>> personas,
        Func<IReadOnlyList<ApiPathMapping>> apiPaths)
    {
        _operations = new(() => new OperationIndex(operations()));
        _roles = new(() => new RoleIndex(builtInRoles(), roleAliases()));
        _activities = new(activities);
        _templates = new(templates);
        _personas = new(personas);
        _apiPaths = new(apiPaths);
        _activitiesByName = new(() => Activities.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase));
        _templatesByName = new(() => Templates.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase));
        _personasByName = new(() => Personas.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The catalog embedded in this assembly.</summary>
    public static AmlCatalog Default => EmbeddedCatalog.Value;

    /// <summary>Every operation, sorted by name (case-insensitive), a control action before a data action of the same name.</summary>
    public IReadOnlyList<Operation> Operations => _operations.Value.Operations;

    public IReadOnlyList<RoleDefinition> BuiltInRoles => _roles.Value.Roles;

    /// <summary>Former names of renamed built-in roles; <see cref="FindRole"/> finds a role by them too.</summary>
    public IReadOnlyList<RoleAlias> RoleAliases => _roles.Value.Aliases;

    public IReadOnlyList<Activity> Activities => _activities.Value;
    public IReadOnlyList<RoleTemplate> Templates => _templates.Value;
    public IReadOnlyList<Persona> Personas => _personas.Value;

    /// <summary>Where each asset's operations live in the V1 and in the V2 API ([MLROLES], "Differences between actions for V1 and V2 APIs").</summary>
    public IReadOnlyList<ApiPathMapping> ApiPaths => _apiPaths.Value;

    /// <summary>The position in <see cref="Operations"/> of the first operation of that name (case-insensitive), or -1.</summary>
    public int IndexOfOperation(string name) => _operations.Value.IndexOf(name);

    /// <summary>The position of the operation of that name and kind, or -1.</summary>
    public int IndexOfOperation(string name, bool isDataAction) => _operations.Value.IndexOf(name, isDataAction);

    /// <summary>
    /// The catalog's kind of an operation asked about as <paramref name="isDataAction"/>: the operation at
    /// <paramref name="index"/> (the first of its name), or its data twin when the name is listed with both kinds and a
    /// data action is asked for. A name listed with one kind keeps it, whatever was asked.
    /// </summary>
    public int KindOf(int index, bool isDataAction) => _operations.Value.KindOf(index, isDataAction);

    public Operation? FindOperation(string name)
    {
        var index = IndexOfOperation(name);
        return index >= 0 ? Operations[index] : null;
    }

    /// <summary>
    /// The positions [Start, End) of the operations whose names start with <paramref name="prefix"/> (case-insensitive):
    /// the only ones a pattern with that text before its '*' can match.
    /// </summary>
    public (int Start, int End) OperationsStartingWith(string prefix) => _operations.Value.WithPrefix(prefix);

    /// <summary>The positions of one provider's operations (case-insensitive), ascending; empty for a provider the catalog does not list.</summary>
    public IReadOnlyList<int> OperationIndexesOf(string provider) => _operations.Value.OfProvider(provider);

    /// <summary>A built-in role by name (case-insensitive), by a former name (<see cref="RoleAliases"/>) or by id (GUID, or any ".../roleDefinitions/{guid}").</summary>
    public RoleDefinition? FindRole(string nameOrId) => _roles.Value.Find(nameOrId);

    /// <summary>The alias a name is, when it is the former name of a renamed built-in role; else null.</summary>
    public RoleAlias? FindRoleAlias(string name) => _roles.Value.FindAlias(name);

    public Activity? FindActivity(string name) => _activitiesByName.Value.TryGetValue(name.Trim(), out var activity) ? activity : null;

    /// <summary>An activity by name, or <see cref="ErrorIds.ActivityUnknown"/> with the closest names.</summary>
    public Activity GetActivity(string name) =>
        FindActivity(name) ?? throw new AmlRbacException(ErrorIds.ActivityUnknown, FailureCategory.InvalidArgument,
            $"Activity '{name}' is not in the catalog.{Suggestions.DidYouMean(name, _activitiesByName.Value.Keys)} " +
            "List them with 'amlrbac catalog activities' or Get-AmlEffectiveAccess -By Activity.", name);

    public RoleTemplate? FindTemplate(string name) => _templatesByName.Value.TryGetValue(name.Trim(), out var template) ? template : null;

    public Persona? FindPersona(string name) => _personasByName.Value.TryGetValue(name.Trim(), out var persona) ? persona : null;

    /// <summary>Every operation name once (a name listed with both kinds is one name), for "did you mean".</summary>
    public IEnumerable<string> OperationNames => Operations.Select(o => o.Name).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The resource provider namespaces whose operations the catalog lists in full.</summary>
    public IReadOnlySet<string> Providers => _operations.Value.Providers;
}
