using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>
/// Builds a custom role definition from a catalog template, from an existing role (piped in or read from
/// a file), from catalog activities and from plain Actions / NotActions / DataActions / NotDataActions
/// lists, or from any mix of them. Set the properties, then call <see cref="Build"/>. The builder refuses
/// only what leaves no role to show (no name, nothing granted, unknown template or activity, a bad
/// parameter); everything else about the entries is reported by <see cref="RoleLinter"/>, so an existing
/// role can be read whatever its defects.
/// </summary>
public sealed class RoleBuilder
{
    private readonly AmlCatalog _catalog;

    public RoleBuilder(AmlCatalog? catalog = null)
    {
        _catalog = catalog ?? AmlCatalog.Default;
    }

    /// <summary>An existing role to check or tighten: its name, description, id, permissions and scopes are the start.</summary>
    public RoleDefinition? BaseRole { get; init; }

    /// <summary>The role id; a fresh GUID when neither this nor <see cref="BaseRole"/> gives one.</summary>
    public string? Id { get; init; }

    /// <summary>A catalog template to start from (its permissions, name and description).</summary>
    public string? Template { get; init; }

    /// <summary>The role name; required unless a template gives one.</summary>
    public string? Name { get; init; }

    /// <summary>The description; the template's when not given.</summary>
    public string? Description { get; init; }

    /// <summary>Catalog activities whose required operations the role grants.</summary>
    public IReadOnlyList<string> Activities { get; init; } = Array.Empty<string>();

    /// <summary>Which API generation activity names without a V1/V2 suffix mean (<see cref="ActivitySelection"/>).</summary>
    public ActivityApiVersion? ApiVersion { get; init; }

    /// <summary>Activities the role must not allow: their operations no included activity needs become NotActions.</summary>
    public IReadOnlyList<string> ExcludeActivities { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> DataActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotDataActions { get; init; } = Array.Empty<string>();

    /// <summary>Where the role may be assigned; at least one, none of them "/" ([CR] custom-roles.md).</summary>
    public IReadOnlyList<string> AssignableScopes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The role definition, with one permission block: the template's or base role's entries, then the
    /// activities' operations, then the lists given, each entry once (case-insensitive, first spelling
    /// kept), then NotActions for the excluded activities. Throws RoleNotFound for an unknown template,
    /// ActivityUnknown, ScopeInvalid for a bad assignable scope, and RoleDefinitionInvalid for a role with
    /// no name, no grant, an excluded activity that an included one needs entirely, or an id that is not a GUID.
    /// </summary>
    public RoleDefinition Build()
    {
        var template = Template is null ? null : FindTemplate(Template);
        var start = BaseRole is not null ? SingleBlockOf(BaseRole.Name, BaseRole.Permissions)
            : template is not null ? SingleBlockOf(template.Name, template.Role.Permissions)
            : new Permission();
        var activities = ActivitySelection.Resolve(_catalog, Activities, ApiVersion);

        var permission = start with
        {
            Actions = Union(start.Actions, activities.SelectMany(a => a.Actions), Actions),
            NotActions = Union(start.NotActions, NotActions),
            DataActions = Union(start.DataActions, activities.SelectMany(a => a.DataActions), DataActions),
            NotDataActions = Union(start.NotDataActions, NotDataActions),
        };
        var name = Name ?? BaseRole?.Name ?? template?.Role.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid("The role has no name: give a name (or a template, whose name is used).", name);
        }
        if (permission.Actions.Count == 0 && permission.DataActions.Count == 0)
        {
            throw Invalid($"Role '{name}' grants nothing: give a template, activities, Actions or DataActions.", name);
        }

        var role = new RoleDefinition
        {
            Id = RoleId(),
            Name = name.Trim(),
            Description = Description ?? BaseRole?.Description ?? template?.Role.Description,
            IsCustom = true,
            Permissions = new[] { permission },
            AssignableScopes = AssignableScopes.Count > 0 || BaseRole is null ? CheckAssignableScopes() : BaseRole.AssignableScopes,
            Source = BaseRole is not null ? BaseRole.Source : template is null ? "New-AmlCustomRole" : $"template {template.Name} ({template.Source})",
        };
        return ExcludeActivities.Count == 0 ? role : Exclude(role, activities);
    }

    // An excluded activity is allowed only when all of its operations are: removing those the included
    // activities do not need is enough, and removes no more than that. The evaluator says which of the
    // activity's operations the role grants (CheckRoleActivity), so wildcards in either list count.
    private RoleDefinition Exclude(RoleDefinition role, IReadOnlyList<Activity> included)
    {
        var evaluator = new AccessEvaluator(Tenant.Empty, _catalog);
        var needed = included
            .SelectMany(a => evaluator.CheckRoleActivity(role, a).Operations)
            .Select(d => d.Action)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = new List<Decision>();
        foreach (var activity in ActivitySelection.Resolve(_catalog, ExcludeActivities, ApiVersion))
        {
            var granted = evaluator.CheckRoleActivity(role, activity).Operations.Where(d => d.Outcome != Outcome.NotGranted).ToList();
            var removable = granted.Where(d => !needed.Contains(d.Action)).ToList();
            if (granted.Count > 0 && removable.Count == 0 && evaluator.CheckRoleActivity(role, activity).Outcome == Outcome.Allowed)
            {
                throw Invalid($"Activity '{activity.Name}' cannot be excluded: the included activities need every operation it requires.", activity.Name);
            }
            removed.AddRange(removable);
        }
        var block = role.Permissions[0];
        block = block with
        {
            NotActions = Union(block.NotActions, removed.Where(d => !d.IsDataAction).Select(d => d.Action)),
            NotDataActions = Union(block.NotDataActions, removed.Where(d => d.IsDataAction).Select(d => d.Action)),
        };
        return role with { Permissions = new[] { block } };
    }

    // [CR] custom-roles.md: a custom role's id is a GUID; New-AzRoleDefinition keeps an Id it is given.
    // A new role gets a fresh one, so two roles built with the same name never collide.
    private string RoleId()
    {
        if (Id is null)
        {
            return BaseRole?.Id ?? Guid.NewGuid().ToString("D");
        }
        return Guid.TryParse(Id, out var id)
            ? id.ToString("D")
            : throw Invalid($"Role id '{Id}' is not a GUID; a role definition id is a GUID such as {Guid.Empty:D}.", Id);
    }

    private RoleTemplate FindTemplate(string name) =>
        _catalog.FindTemplate(name) ?? throw new AmlRbacException(ErrorIds.RoleNotFound, FailureCategory.ObjectNotFound,
            $"Template '{name}' is not in the catalog.{Suggestions.DidYouMean(name, _catalog.Templates.Select(t => t.Name))} " +
            "List them with 'amlrbac catalog templates' or the -Template completion of New-AmlCustomRole.", name);

    // Entries given on top of a template or an existing role join its permission block; a role with
    // several blocks has no one block to join them to.
    private static Permission SingleBlockOf(string name, IReadOnlyList<Permission> blocks) => blocks.Count switch
    {
        0 => new Permission(),
        1 => blocks[0],
        var n => throw Invalid($"'{name}' has {n} permission blocks; a custom role built here has one.", name),
    };

    private static IReadOnlyList<string> Union(params IEnumerable<string>[] lists) =>
        lists.SelectMany(l => l).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    // [CR]: assignable scopes take no wildcard (Scope.Parse refuses them) and a custom role cannot use "/".
    private IReadOnlyList<string> CheckAssignableScopes()
    {
        if (AssignableScopes.Count == 0)
        {
            throw Invalid("Give at least one assignable scope (a management group, subscription, resource group or resource).", null);
        }
        var scopes = AssignableScopes.Select(Scope.Parse).ToList();
        if (scopes.FirstOrDefault(s => s.Level == ScopeLevel.Root) is { } root)
        {
            throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument,
                "A custom role cannot use '/' as an assignable scope; give a management group, subscription, resource group or resource.", root.Value);
        }
        return scopes.Select(s => s.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static AmlRbacException Invalid(string message, object? target) =>
        new(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument, message, target);
}
