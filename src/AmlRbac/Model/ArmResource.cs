using System.Text.Json;

namespace AmlRbac.Model;

/// <summary>
/// One Azure resource as ARM returns it in a list or GET: its id, type, name and location, and the whole object as
/// JSON, because the posture rules read settings by property path (<c>properties.publicNetworkAccess</c>) and a
/// setting AmlRbac has no field for must still be read, written back and shown as evidence as ARM wrote it.
/// </summary>
public sealed record ArmResource
{
    public required string Id { get; init; }

    /// <summary>The resource type, e.g. <c>Microsoft.MachineLearningServices/workspaces/computes</c>.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }
    public string? Location { get; init; }

    /// <summary>The object exactly as the source gave it (an immutable clone, independent of any parsed document).</summary>
    public required JsonElement Json { get; init; }

    /// <summary>
    /// The resource this one belongs to (<see cref="Scope.Parent"/>): a compute's or a private endpoint
    /// connection's workspace, a diagnostic setting's resource, a DNS zone group's private endpoint, a workspace's
    /// resource group. Null when the id is not a valid resource id.
    /// </summary>
    public string? ParentId => Scope.TryParse(Id, out var scope, out _) ? scope.Parent?.Value : null;

    /// <summary>
    /// The value at a dotted property path (<c>properties.encryption.status</c>), names matched case-insensitively
    /// as ARM treats them; null when a step is missing, JSON null, or not an object.
    /// </summary>
    public JsonElement? Find(string path)
    {
        var current = Json;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !TryGet(current, name, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    private static bool TryGet(JsonElement item, string name, out JsonElement value)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
