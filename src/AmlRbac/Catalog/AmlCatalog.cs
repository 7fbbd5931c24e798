using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// What AmlRbac knows with no Azure connection: Azure's built-in roles relevant to Azure ML, every
/// Microsoft.MachineLearningServices operation (with the Microsoft.Authorization and Microsoft.Resources
/// ones), the activities of the "Common scenarios" table, the example custom roles, the personas and the
/// V1/V2 operation paths.
/// Immutable once built; <see cref="Default"/> is the embedded catalog.
/// </summary>
public sealed class AmlCatalog
{
    private static readonly Lazy<AmlCatalog> EmbeddedCatalog = new(CatalogLoader.LoadEmbedded);

    private readonly Dictionary<string, int> _operationIndex;
    private readonly Dictionary<string, RoleDefinition> _rolesById;
    private readonly Dictionary<string, RoleDefinition> _rolesByName;
    private readonly Dictionary<string, Activity> _activities;
    private readonly Dictionary<string, RoleTemplate> _templates;
    private readonly Dictionary<string, Persona> _personas;

    public AmlCatalog(
        IReadOnlyList<Operation> operations,
        IReadOnlyList<RoleDefinition> builtInRoles,
        IReadOnlyList<Activity>? activities = null,
        IReadOnlyList<RoleTemplate>? templates = null,
        IReadOnlyList<Persona>? personas = null,
        IReadOnlyList<ApiPathMapping>? apiPaths = null)
    {
        Operations = operations;
        BuiltInRoles = builtInRoles;
        Activities = activities ?? Array.Empty<Activity>();
        Templates = templates ?? Array.Empty<RoleTemplate>();
        Personas = personas ?? Array.Empty<Persona>();
        ApiPaths = apiPaths ?? Array.Empty<ApiPathMapping>();

        _operationIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < operations.Count; i++)
        {
            _operationIndex.TryAdd(operations[i].Name, i);
        }
        _rolesById = builtInRoles.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _rolesByName = new Dictionary<string, RoleDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in builtInRoles)
        {
            _rolesByName.TryAdd(role.Name, role);
        }
        _activities = Activities.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        _templates = Templates.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        _personas = Personas.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog embedded in this assembly.</summary>
    public static AmlCatalog Default => EmbeddedCatalog.Value;

    public IReadOnlyList<Operation> Operations { get; }
    public IReadOnlyList<RoleDefinition> BuiltInRoles { get; }
    public IReadOnlyList<Activity> Activities { get; }
    public IReadOnlyList<RoleTemplate> Templates { get; }
    public IReadOnlyList<Persona> Personas { get; }

    /// <summary>Where each asset's operations live in the V1 and in the V2 API ([MLROLES], "Differences between actions for V1 and V2 APIs").</summary>
    public IReadOnlyList<ApiPathMapping> ApiPaths { get; }

    /// <summary>The position of an operation in <see cref="Operations"/> (case-insensitive), or -1.</summary>
    public int IndexOfOperation(string name) => _operationIndex.TryGetValue(name, out var index) ? index : -1;

    public Operation? FindOperation(string name)
    {
        var index = IndexOfOperation(name);
        return index >= 0 ? Operations[index] : null;
    }

    /// <summary>A built-in role by name (case-insensitive) or by id (GUID, or any ".../roleDefinitions/{guid}").</summary>
    public RoleDefinition? FindRole(string nameOrId)
    {
        var text = nameOrId.Trim();
        if (_rolesByName.TryGetValue(text, out var byName))
        {
            return byName;
        }
        return _rolesById.TryGetValue(ObjectIds.NormalizeRoleDefinition(text), out var byId) ? byId : null;
    }

    public Activity? FindActivity(string name) => _activities.TryGetValue(name.Trim(), out var activity) ? activity : null;

    /// <summary>An activity by name, or <see cref="ErrorIds.ActivityUnknown"/> with the closest names.</summary>
    public Activity GetActivity(string name) =>
        FindActivity(name) ?? throw new AmlRbacException(ErrorIds.ActivityUnknown, FailureCategory.InvalidArgument,
            $"Activity '{name}' is not in the catalog.{Suggestions.DidYouMean(name, _activities.Keys)} " +
            "List them with 'amlrbac catalog activities' or Get-AmlEffectiveAccess -By Activity.", name);

    public RoleTemplate? FindTemplate(string name) => _templates.TryGetValue(name.Trim(), out var template) ? template : null;

    public Persona? FindPersona(string name) => _personas.TryGetValue(name.Trim(), out var persona) ? persona : null;

    /// <summary>Closest operation names, for "did you mean".</summary>
    public IEnumerable<string> OperationNames => Operations.Select(o => o.Name);

    /// <summary>The resource provider namespaces whose operations the catalog lists in full.</summary>
    public IReadOnlySet<string> Providers => _providers ??= Operations.Select(o => o.Provider).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private IReadOnlySet<string>? _providers;
}
