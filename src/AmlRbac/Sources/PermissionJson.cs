using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A permission block as Azure writes it in role definitions and deny assignments (properties.permissions[]):
/// { "actions", "notActions", "dataActions", "notDataActions", "condition"?, "conditionVersion"? }. The catalog's
/// JSON and snapshots both hold roles in Azure's terms, so both write their blocks here.
/// </summary>
internal static class PermissionJson
{
    public static void Write(Utf8JsonWriter writer, Permission permission)
    {
        writer.WriteStartObject();
        writer.WriteStrings("actions", permission.Actions);
        writer.WriteStrings("notActions", permission.NotActions);
        writer.WriteStrings("dataActions", permission.DataActions);
        writer.WriteStrings("notDataActions", permission.NotDataActions);
        writer.WriteStringIfSet("condition", permission.Condition);
        writer.WriteStringIfSet("conditionVersion", permission.ConditionVersion);
        writer.WriteEndObject();
    }
}
