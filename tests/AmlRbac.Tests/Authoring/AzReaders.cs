using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// How the two creators read a role file, mimicked for tests (no Az or Azure CLI runs here).
/// New-AzRoleDefinition -InputFile deserializes with Newtonsoft, whose property matching ignores case, into
/// PSRoleDefinition: flat lists before Az.Resources 10.0, Permissions from 10.0 ([AZPS-PERMISSIONS]).
/// az role definition create (Azure/azure-cli, role module custom.py) lower-cases the first letter of each
/// top-level key, then reads permissions[] with inner keys exactly actions / notActions / dataActions /
/// notDataActions, or else the flat top-level lists.
/// </summary>
internal static class AzReaders
{
    private static readonly JsonSerializerOptions Newtonsoftish = new() { PropertyNameCaseInsensitive = true };

    public sealed class PSPermission
    {
        public List<string>? Actions { get; set; }
        public List<string>? NotActions { get; set; }
        public List<string>? DataActions { get; set; }
        public List<string>? NotDataActions { get; set; }
    }

    public sealed class PSRoleDefinitionBefore10
    {
        public string? Name { get; set; }
        public string? Id { get; set; }
        public List<string>? Actions { get; set; }
        public List<string>? NotActions { get; set; }
        public List<string>? DataActions { get; set; }
        public List<string>? NotDataActions { get; set; }
        public List<string>? AssignableScopes { get; set; }
    }

    public sealed class PSRoleDefinition10
    {
        public string? Name { get; set; }
        public string? Id { get; set; }
        public List<PSPermission>? Permissions { get; set; }
        public List<string>? AssignableScopes { get; set; }
    }

    public static PSRoleDefinitionBefore10 AzBefore10(string json) => JsonSerializer.Deserialize<PSRoleDefinitionBefore10>(json, Newtonsoftish)!;

    public static PSRoleDefinition10 Az10(string json) => JsonSerializer.Deserialize<PSRoleDefinition10>(json, Newtonsoftish)!;

    /// <summary>What az role definition create sends: the name, the permission blocks and the scopes.</summary>
    public static (string? Name, IReadOnlyList<Permission> Permissions, IReadOnlyList<string> Scopes) AzureCli(string json)
    {
        using var document = JsonDocument.Parse(json);
        var top = document.RootElement.EnumerateObject().ToDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p => p.Value.Clone(), StringComparer.Ordinal);
        List<string> Strings(IReadOnlyDictionary<string, JsonElement> fields, string key) =>
            fields.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString()!).ToList() : new List<string>();
        Permission Block(IReadOnlyDictionary<string, JsonElement> fields) => new()
        {
            Actions = Strings(fields, "actions"),
            NotActions = Strings(fields, "notActions"),
            DataActions = Strings(fields, "dataActions"),
            NotDataActions = Strings(fields, "notDataActions"),
        };
        var permissions = top.TryGetValue("permissions", out var list)
            ? list.EnumerateArray().Select(b => Block(b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal))).ToList()
            : new List<Permission> { Block(top) };
        return (top.TryGetValue("name", out var name) ? name.GetString() : null, permissions, Strings(top, "assignableScopes"));
    }
}
