using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a <see cref="ResourceInventory"/> as the resource sections of a snapshot, each item exactly as it was
/// read (ARM's own object), so <see cref="ResourceSnapshotReader"/> reads back the same resources. A kind the
/// source did not list is left out, so it reads back as "not listed" rather than as "none".
/// </summary>
public static class ResourceSnapshotWriter
{
    public static void Write(Utf8JsonWriter json, ResourceInventory resources)
    {
        foreach (var section in ResourceSnapshotReader.Sections)
        {
            if (section.Get(resources) is { } items)
            {
                json.WriteArray(section.Name, items, (w, item) => item.Json.WriteTo(w));
            }
        }
    }
}
