using System.Text.Json;
using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Formatting;

/// <summary>
/// The catalog as JSON for tools: built-in roles (in Azure's role-definition terms), operations and
/// activities, each an array. Property names are a contract like those of <see cref="DecisionJson"/>;
/// a null property is left out.
/// </summary>
public static class CatalogJson
{
    /// <summary>[ { "id", "name", "description", "isCustom", "permissions": [ { "actions", "notActions", "dataActions", "notDataActions", "condition", "conditionVersion" } ], "assignableScopes" } ]</summary>
    public static string Roles(IEnumerable<RoleDefinition> roles) => Array(roles, (w, role) =>
    {
        w.WriteStartObject();
        w.WriteString("id", role.Id);
        w.WriteString("name", role.Name);
        DecisionJson.WriteIfSet(w, "description", role.Description);
        w.WriteBoolean("isCustom", role.IsCustom);
        w.WriteStartArray("permissions");
        foreach (var permission in role.Permissions)
        {
            w.WriteStartObject();
            WriteList(w, "actions", permission.Actions);
            WriteList(w, "notActions", permission.NotActions);
            WriteList(w, "dataActions", permission.DataActions);
            WriteList(w, "notDataActions", permission.NotDataActions);
            DecisionJson.WriteIfSet(w, "condition", permission.Condition);
            DecisionJson.WriteIfSet(w, "conditionVersion", permission.ConditionVersion);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteList(w, "assignableScopes", role.AssignableScopes);
        w.WriteEndObject();
    });

    /// <summary>[ { "name", "isDataAction", "description" } ]</summary>
    public static string Operations(IEnumerable<Operation> operations) => Array(operations, (w, operation) =>
    {
        w.WriteStartObject();
        w.WriteString("name", operation.Name);
        w.WriteBoolean("isDataAction", operation.IsDataAction);
        w.WriteString("description", operation.Description);
        w.WriteEndObject();
    });

    /// <summary>[ { "name", "displayName", "description", "actions", "dataActions", "leastScope", "api", "source", "notes" } ]</summary>
    public static string Activities(IEnumerable<Activity> activities) => Array(activities, (w, activity) =>
    {
        w.WriteStartObject();
        w.WriteString("name", activity.Name);
        w.WriteString("displayName", activity.DisplayName);
        DecisionJson.WriteIfSet(w, "description", activity.Description);
        WriteList(w, "actions", activity.Actions);
        WriteList(w, "dataActions", activity.DataActions);
        w.WriteString("leastScope", activity.LeastScope.ToString());
        w.WriteString("api", activity.Api.ToString());
        w.WriteString("source", activity.Source);
        DecisionJson.WriteIfSet(w, "notes", activity.Notes);
        w.WriteEndObject();
    });

    private static string Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => DecisionJson.Build(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }
        w.WriteEndArray();
    });

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
