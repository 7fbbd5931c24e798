using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// Reads the catalog's files (Catalog/Data/*, <see cref="CatalogResources"/>), each when the catalog first asks for
/// it. build/Update-Catalog.ps1 writes operations.tsv and operation-sources.tsv (from the permissions pages, [OPS]),
/// builtin-roles.json and role-aliases.json (from the role definitions API, [ROLES-API]); each data file carries its sources.
/// </summary>
internal static class CatalogLoader
{
    public static AmlCatalog LoadEmbedded() =>
        new(ReadOperations, ReadBuiltInRoles, ReadRoleAliases, ReadActivities, ReadTemplates, ReadPersonas, ReadApiPaths);

    // operations.tsv: a header, then "operation<TAB>control|data<TAB>description<TAB>source", the source empty for an
    // operation of its provider's page (operation-sources.tsv: "provider<TAB>page<TAB>commit").
    private static IReadOnlyList<Operation> ReadOperations()
    {
        var pages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var fields in ReadTable("operation-sources.tsv"))
        {
            pages[fields[0]] = PageSource(fields[1], fields[2]);
        }
        var operations = new List<Operation>();
        foreach (var fields in ReadTable("operations.tsv"))
        {
            var name = fields[0];
            var provider = name.Split('/')[0];
            operations.Add(new Operation(name, fields[1] == Operation.Data, fields[2])
            {
                Source = fields[3].Length > 0 ? fields[3] : pages.GetValueOrDefault(provider, string.Empty),
                CheckedOnlyAt = ScopeRestrictions.For(name),
            });
        }
        return operations;
    }

    // The page a provider's operations were copied from: the file at its commit, or the published page when the
    // commit was not recorded.
    private static string PageSource(string page, string commit) =>
        commit.Length == 40 && commit.All(char.IsAsciiHexDigitLower)
            ? $"https://github.com/MicrosoftDocs/azure-docs/blob/{commit}/articles/role-based-access-control/permissions/{page}"
            : $"https://learn.microsoft.com/azure/role-based-access-control/permissions/{(page.EndsWith(".md", StringComparison.Ordinal) ? page[..^3] : page)} (commit {commit})";

    private static IEnumerable<string[]> ReadTable(string name)
    {
        using var reader = new StreamReader(CatalogResources.Open(name));
        reader.ReadLine(); // the header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line.Split('\t');
            }
        }
    }

    // builtin-roles.json: { "source", "roles": [ { "id", "roleName", "description", "permissions": [ { "actions",
    // "notActions", "dataActions", "notDataActions", "condition"?, "conditionVersion"? } ], "assignableScopes" } ] }.
    private static IReadOnlyList<RoleDefinition> ReadBuiltInRoles()
    {
        using var document = JsonDocument.Parse(CatalogResources.Open("builtin-roles.json"));
        var source = document.RootElement.GetProperty("source").GetString();
        return document.RootElement.GetProperty("roles").EnumerateArray().Select(role => new RoleDefinition
        {
            Id = ObjectIds.NormalizeRoleDefinition(role.GetProperty("id").GetString()!),
            Name = role.GetProperty("roleName").GetString()!,
            Description = OptionalString(role, "description"),
            IsCustom = false,
            Permissions = role.GetProperty("permissions").EnumerateArray().Select(block => new Permission
            {
                Actions = Strings(block, "actions"),
                NotActions = Strings(block, "notActions"),
                DataActions = Strings(block, "dataActions"),
                NotDataActions = Strings(block, "notDataActions"),
                Condition = OptionalString(block, "condition"),
                ConditionVersion = OptionalString(block, "conditionVersion"),
            }).ToArray(),
            AssignableScopes = Strings(role, "assignableScopes"),
            Source = source,
        }).ToArray();
    }

    // role-aliases.json: [ { "name", "id", "note" } ].
    private static IReadOnlyList<RoleAlias> ReadRoleAliases()
    {
        using var document = JsonDocument.Parse(CatalogResources.Open("role-aliases.json"));
        return document.RootElement.EnumerateArray()
            .Select(a => new RoleAlias(a.GetProperty("name").GetString()!, ObjectIds.NormalizeRoleDefinition(a.GetProperty("id").GetString()!), a.GetProperty("note").GetString()!))
            .ToArray();
    }

    private static IReadOnlyList<Activity> ReadActivities() => ReadJson<List<Activity>>("activities.json");

    private static IReadOnlyList<RoleTemplate> ReadTemplates() => ReadJson<List<RoleTemplate>>("templates.json");

    private static IReadOnlyList<Persona> ReadPersonas() => ReadJson<List<Persona>>("personas.json");

    private static IReadOnlyList<ApiPathMapping> ReadApiPaths() => ReadJson<List<ApiPathMapping>>("api-paths.json");

    private static readonly JsonSerializerOptions DataOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static T ReadJson<T>(string name)
    {
        using var stream = CatalogResources.Open(name);
        return JsonSerializer.Deserialize<T>(stream, DataOptions)
            ?? throw new InvalidOperationException($"The embedded catalog resource '{name}' is empty.");
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : Array.Empty<string>();

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
