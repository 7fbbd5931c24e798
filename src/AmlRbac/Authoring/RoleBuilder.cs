using System.Security.Cryptography;
using System.Text;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>
/// Builds a custom role definition from a catalog template, from catalog activities and from plain
/// Actions / NotActions / DataActions / NotDataActions lists, or from any mix of them, and checks it
/// against Azure's custom-role rules before anyone sends it to Azure. Set the properties, then call
/// <see cref="Build"/>.
/// </summary>
public sealed class RoleBuilder
{
    private readonly AmlCatalog _catalog;

    public RoleBuilder(AmlCatalog? catalog = null)
    {
        _catalog = catalog ?? AmlCatalog.Default;
    }

    /// <summary>A catalog template to start from (its permissions, name and description).</summary>
    public string? Template { get; init; }

    /// <summary>The role name; required unless a template gives one.</summary>
    public string? Name { get; init; }

    /// <summary>The description; the template's when not given.</summary>
    public string? Description { get; init; }

    /// <summary>Catalog activities whose required operations the role grants.</summary>
    public IReadOnlyList<string> Activities { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> DataActions { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> NotDataActions { get; init; } = Array.Empty<string>();

    /// <summary>Where the role may be assigned; at least one, none of them "/" ([CR] custom-roles.md).</summary>
    public IReadOnlyList<string> AssignableScopes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The role definition, with one permission block: the template's entries, then the activities'
    /// operations, then the lists given, each entry once (case-insensitive, first spelling kept).
    /// Throws RoleNotFound for an unknown template, ActivityUnknown, ActionUnknown for a misspelled
    /// operation of a provider the catalog lists in full, ScopeInvalid, and RoleDefinitionInvalid for a
    /// role Azure would refuse.
    /// </summary>
    public RoleDefinition Build()
    {
        var template = Template is null ? null : FindTemplate(Template);
        var start = template is null ? new Permission() : SingleBlockOf(template);
        var activities = Activities.Select(_catalog.GetActivity).ToList();

        var permission = new Permission
        {
            Actions = Union(start.Actions, activities.SelectMany(a => a.Actions), Actions),
            NotActions = Union(start.NotActions, NotActions),
            DataActions = Union(start.DataActions, activities.SelectMany(a => a.DataActions), DataActions),
            NotDataActions = Union(start.NotDataActions, NotDataActions),
        };
        var name = Name ?? template?.Role.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid("The role has no name: give -Name (or a template, whose name is used).", name);
        }
        if (permission.Actions.Count == 0 && permission.DataActions.Count == 0)
        {
            throw Invalid($"Role '{name}' grants nothing: give a template, activities, Actions or DataActions.", name);
        }
        foreach (var entry in permission.Actions.Concat(permission.NotActions).Concat(permission.DataActions).Concat(permission.NotDataActions))
        {
            CheckEntry(entry);
        }

        return new RoleDefinition
        {
            Id = StableId(name),
            Name = name.Trim(),
            Description = Description ?? template?.Role.Description,
            IsCustom = true,
            Permissions = new[] { permission },
            AssignableScopes = CheckAssignableScopes(),
            Source = template is null ? "New-AmlCustomRole" : $"template {template.Name} ({template.Source})",
        };
    }

    private RoleTemplate FindTemplate(string name) =>
        _catalog.FindTemplate(name) ?? throw new AmlRbacException(ErrorIds.RoleNotFound, FailureCategory.ObjectNotFound,
            $"Template '{name}' is not in the catalog.{Suggestions.DidYouMean(name, _catalog.Templates.Select(t => t.Name))}", name);

    // Az's role definition shape before Az.Resources 10 (the one New-AzRoleDefinition -InputFile reads
    // everywhere) holds one Actions list: a template with several blocks cannot be written that way.
    private static Permission SingleBlockOf(RoleTemplate template) => template.Role.Permissions.Count switch
    {
        0 => new Permission(),
        1 => template.Role.Permissions[0],
        var n => throw Invalid($"Template '{template.Name}' has {n} permission blocks; a custom role built here has one.", template.Name),
    };

    private static IReadOnlyList<string> Union(params IEnumerable<string>[] lists) =>
        lists.SelectMany(l => l).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    // [CR] "Custom role limits": "You can have only one wildcard in an action string". A wildcard-free
    // entry of a provider the catalog lists in full must be one of its operations: otherwise it is a
    // typo that Azure would accept and that would silently grant nothing.
    private void CheckEntry(string entry)
    {
        if (entry.Count(c => c == '*') > 1)
        {
            throw Invalid($"'{entry}' has more than one wildcard; Azure allows one wildcard in an action string.", entry);
        }
        if (entry.Contains('*'))
        {
            return;
        }
        var provider = entry.Split('/')[0];
        if (_catalog.Providers.Contains(provider) && _catalog.IndexOfOperation(entry) < 0)
        {
            throw new AmlRbacException(ErrorIds.ActionUnknown, FailureCategory.ObjectNotFound,
                $"'{entry}' is not a {provider} operation.{Suggestions.DidYouMean(entry, _catalog.OperationNames)}", entry);
        }
    }

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

    // The same name always gives the same id, so building a role twice gives the same definition
    // (New-AzRoleDefinition keeps an Id it is given; a diff shows only real changes).
    private static string StableId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("AmlRbac custom role:" + name.Trim().ToLowerInvariant()));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (RFC 9562: custom), in Guid's little-endian field
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }

    private static AmlRbacException Invalid(string message, object? target) =>
        new(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument, message, target);
}
