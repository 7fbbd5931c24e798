using System.Reflection;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>Reads the catalog's embedded resources (Catalog/Data/*). Each data file carries its sources.</summary>
internal static class CatalogLoader
{
    private const string Prefix = "AmlRbac.Catalog.Data.";

    public static AmlCatalog LoadEmbedded() =>
        new(ReadOperations(), ReadBuiltInRoles(), ReadActivities(), ReadTemplates(), ReadPersonas(), ReadApiPaths());

    private static Stream Open(string name) =>
        typeof(CatalogLoader).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new InvalidOperationException($"The embedded catalog resource '{name}' is missing from {typeof(CatalogLoader).Assembly.GetName().Name}.");

    // operations.tsv: "operation<TAB>isDataAction<TAB>description", one per line, no header
    // (compiled from the Azure permissions pages [OPS-ML] and [OPS-GOV]).
    private static List<Operation> ReadOperations()
    {
        using var reader = new StreamReader(Open("operations.tsv"));
        var operations = new List<Operation>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            operations.Add(new Operation(fields[0], bool.Parse(fields[1]), fields.Length > 2 ? fields[2] : string.Empty));
        }
        return operations;
    }

    // builtin-roles.json: one object per role, with the page and commit it was copied from in "source".
    private static List<RoleDefinition> ReadBuiltInRoles()
    {
        using var document = JsonDocument.Parse(Open("builtin-roles.json"));
        return document.RootElement.EnumerateArray().Select(role => new RoleDefinition
        {
            Id = ObjectIds.NormalizeRoleDefinition(role.GetProperty("id").GetString()!),
            Name = role.GetProperty("roleName").GetString()!,
            Description = role.GetProperty("description").GetString(),
            IsCustom = false,
            Permissions = new[]
            {
                new Permission
                {
                    Actions = Strings(role, "actions"),
                    NotActions = Strings(role, "notActions"),
                    DataActions = Strings(role, "dataActions"),
                    NotDataActions = Strings(role, "notDataActions"),
                    Condition = OptionalString(role, "condition"),
                    ConditionVersion = OptionalString(role, "conditionVersion"),
                },
            },
            AssignableScopes = Strings(role, "assignableScopes"),
            Source = role.GetProperty("source").GetString(),
        }).ToList();
    }

    private static List<Activity> ReadActivities() => ReadJson<List<Activity>>("activities.json");

    private static List<RoleTemplate> ReadTemplates() => ReadJson<List<RoleTemplate>>("templates.json");

    private static List<Persona> ReadPersonas() => ReadJson<List<Persona>>("personas.json");

    private static List<ApiPathMapping> ReadApiPaths() => ReadJson<List<ApiPathMapping>>("api-paths.json");

    private static readonly JsonSerializerOptions DataOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static T ReadJson<T>(string name)
    {
        using var stream = Open(name);
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
