using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads the resource sections of a snapshot document (<c>workspaces</c>, <c>computes</c>,
/// <c>privateEndpointConnections</c>, <c>diagnosticSettings</c>, <c>privateDnsZoneGroups</c>): each an array of the
/// objects exactly as the list operation returns them in <c>value</c> (Workspaces_ListBySubscription, Compute_List,
/// PrivateEndpointConnections_List, DiagnosticSettings_List, PrivateDnsZoneGroups_List; their azure-rest-api-specs
/// examples are copied to tests/fixtures/posture-arm-examples), or one pasted list page <c>{"value": [...]}</c>.
/// Every section is optional; a section left out reads as "not listed" (null), not as "none". A bad item fails the
/// read with <see cref="ErrorIds.SnapshotInvalid"/> naming its JSON path.
/// </summary>
public static class ResourceSnapshotReader
{
    /// <summary>
    /// The sections in the order SnapshotWriter writes them, the resource type of their items, and the type segments
    /// that end an item's id: an item whose id ends otherwise would be attributed to the wrong resource.
    /// </summary>
    internal static readonly IReadOnlyList<ResourceSection> Sections = new ResourceSection[]
    {
        new("workspaces", "Microsoft.MachineLearningServices/workspaces", "providers/Microsoft.MachineLearningServices/workspaces", ParentIsWorkspace: false,
            r => r.Workspaces, (inventory, items) => inventory.Workspaces = items),
        new("computes", "Microsoft.MachineLearningServices/workspaces/computes", "computes", ParentIsWorkspace: true,
            r => r.Computes, (inventory, items) => inventory.Computes = items),
        new("privateEndpointConnections", "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections", "privateEndpointConnections", ParentIsWorkspace: true,
            r => r.PrivateEndpointConnections, (inventory, items) => inventory.PrivateEndpointConnections = items),
        new("diagnosticSettings", "Microsoft.Insights/diagnosticSettings", "providers/Microsoft.Insights/diagnosticSettings", ParentIsWorkspace: false,
            r => r.DiagnosticSettings, (inventory, items) => inventory.DiagnosticSettings = items),
        new("privateDnsZoneGroups", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "privateDnsZoneGroups", ParentIsWorkspace: false,
            r => r.PrivateDnsZoneGroups, (inventory, items) => inventory.PrivateDnsZoneGroups = items),
    };

    /// <summary>The section of this name (live collection reads each kind's items as its section does).</summary>
    internal static ResourceSection Section(string name) => Sections.Single(s => s.Name == name);

    /// <summary>The section names, for the snapshot reader's list of known sections.</summary>
    public static IEnumerable<string> SectionNames => Sections.Select(s => s.Name);

    /// <summary>Reads the resource sections of <paramref name="snapshot"/> (the document's root object).</summary>
    public static ResourceInventory Read(JsonElement snapshot, string sourceName)
    {
        var origin = InputOrigin.SnapshotFile(sourceName);
        var lists = new Lists();
        foreach (var section in Sections)
        {
            if (Property(snapshot, section.Name) is { } value)
            {
                section.Set(lists, ReadSection(value, section, origin, $"$.{section.Name}"));
            }
        }
        return lists.ToInventory();
    }

    /// <summary>
    /// The items of one section (an array, or a list page without nextLink), read in order; an id listed twice is
    /// kept once, as the first (one resource; list examples repeat items).
    /// </summary>
    internal static IReadOnlyList<ArmResource> ReadSection(JsonElement value, ResourceSection section, InputOrigin origin, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (Property(value, "nextLink") is { ValueKind: JsonValueKind.String } next && next.GetString()!.Length > 0)
            {
                throw origin.Fail($"{path}.nextLink", "this is one page of a longer ARM list; save every page (follow nextLink) into one array.");
            }
            path += ".value";
            value = Property(value, "value") ?? throw origin.Fail(path, "expected the array of the list page's items.");
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw origin.Fail(path, $"expected an array of {section.Name}, found {Describe(value.ValueKind)}.");
        }
        var items = new List<ArmResource>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var item = ReadItem(element, section, origin, $"{path}[{index++}]");
            if (seen.Add(item.Id))
            {
                items.Add(item);
            }
        }
        return items;
    }

    /// <summary>One item of <paramref name="section"/>, checked: an object with a resource id of the section's kind.</summary>
    internal static ArmResource ReadItem(JsonElement item, ResourceSection section, InputOrigin origin, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw origin.Fail(path, $"expected an object, found {Describe(item.ValueKind)}.");
        }
        var id = String(item, "id", origin, path) ?? throw origin.Fail($"{path}.id", "the required field is missing.");
        if (!Scope.TryParse(id, out var scope, out var error))
        {
            throw origin.Fail($"{path}.id", $"'{id}' is not a valid resource id: {error}");
        }
        if (!EndsWithType(scope.Value, section.IdTail))
        {
            throw origin.Fail($"{path}.id", $"'{id}' is not the id of one of the {section.Name}: expected an id ending in /{section.IdTail}/{{name}}.");
        }
        if (section.ParentIsWorkspace && WorkspaceId.Of(scope.Parent!) is null)
        {
            throw origin.Fail($"{path}.id", $"'{id}' does not lie in an Azure Machine Learning workspace: expected {{workspace id}}/{section.IdTail}/{{name}}.");
        }
        var type = String(item, "type", origin, path);
        if (type is not null && !type.Equals(section.Type, StringComparison.OrdinalIgnoreCase))
        {
            throw origin.Fail($"{path}.type", $"'{type}' is not the type of the {section.Name} section; expected {section.Type}.");
        }
        return new ArmResource
        {
            Id = scope.Value,
            // ARM always says the type and name; some examples leave the type out (PrivateDnsZoneGroups_List).
            Type = type ?? section.Type,
            Name = String(item, "name", origin, path) ?? scope.Value[(scope.Value.LastIndexOf('/') + 1)..],
            Location = String(item, "location", origin, path),
            Json = item.Clone(),
        };
    }

    private static bool EndsWithType(string id, string tail)
    {
        var segments = id.Split('/');
        var expected = tail.Split('/');
        return segments.Length > expected.Length + 1
            && segments[^(expected.Length + 1)..^1].SequenceEqual(expected, StringComparer.OrdinalIgnoreCase);
    }

    private static string? String(JsonElement item, string name, InputOrigin origin, string path) => Property(item, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => string.IsNullOrWhiteSpace(text.GetString()) ? null : text.GetString()!.Trim(),
        { } other => throw origin.Fail($"{path}.{name}", $"expected a string, found {Describe(other.ValueKind)}."),
    };

    // A property by name, case-insensitively as every other source reads; JSON null reads as absent.
    private static JsonElement? Property(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The lists read so far, one per section.</summary>
    internal sealed class Lists
    {
        public IReadOnlyList<ArmResource>? Workspaces { get; set; }
        public IReadOnlyList<ArmResource>? Computes { get; set; }
        public IReadOnlyList<ArmResource>? PrivateEndpointConnections { get; set; }
        public IReadOnlyList<ArmResource>? DiagnosticSettings { get; set; }
        public IReadOnlyList<ArmResource>? PrivateDnsZoneGroups { get; set; }

        public ResourceInventory ToInventory() => new()
        {
            Workspaces = Workspaces,
            Computes = Computes,
            PrivateEndpointConnections = PrivateEndpointConnections,
            DiagnosticSettings = DiagnosticSettings,
            PrivateDnsZoneGroups = PrivateDnsZoneGroups,
        };
    }

    /// <summary>One resource section: its name, its items' type, how their ids end, and which list of the inventory it is.</summary>
    internal sealed record ResourceSection(
        string Name, string Type, string IdTail, bool ParentIsWorkspace,
        Func<ResourceInventory, IReadOnlyList<ArmResource>?> Get, Action<Lists, IReadOnlyList<ArmResource>> Set);
}
