using System.Text.Json;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Output;

/// <summary>
/// The catalog as JSON for tools: built-in roles (in Azure's role-definition terms), operations and
/// activities, each an array. Property names are a contract like those of <see cref="DecisionJson"/>;
/// a null property is left out.
/// </summary>
public static class CatalogJson
{
    /// <summary>
    /// [ { "id" (the role's GUID), "name", "description", "isCustom", "permissions": [ { "actions", "notActions", "dataActions",
    /// "notDataActions", "condition", "conditionVersion" } ], "assignableScopes", "source", "formerNames": [ { "name", "note" } ] } ];
    /// formerNames only for a renamed built-in role of <paramref name="aliases"/>.
    /// </summary>
    public static string Roles(IEnumerable<RoleDefinition> roles, IReadOnlyList<RoleAlias>? aliases = null) => Array(roles, (w, role) =>
    {
        var former = (aliases ?? System.Array.Empty<RoleAlias>()).Where(a => a.RoleId.Equals(role.Id, StringComparison.OrdinalIgnoreCase)).ToList();
        WriteRole(w, role, former);
    });

    private static void WriteRole(Utf8JsonWriter w, RoleDefinition role, IReadOnlyList<RoleAlias> former)
    {
        w.WriteStartObject();
        w.WriteString("id", role.Id);
        w.WriteString("name", role.Name);
        w.WriteStringIfSet("description", role.Description);
        w.WriteBoolean("isCustom", role.IsCustom);
        w.WriteArray("permissions", role.Permissions, PermissionJson.Write);
        w.WriteStrings("assignableScopes", role.AssignableScopes);
        w.WriteStringIfSet("source", role.Source);
        if (former.Count > 0)
        {
            w.WriteArray("formerNames", former, (aw, alias) =>
            {
                aw.WriteStartObject();
                aw.WriteString("name", alias.Name);
                aw.WriteString("note", alias.Note);
                aw.WriteEndObject();
            });
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// [ { "name", "isDataAction", "kind" ("control" or "data"), "description", "source", "checkedOnlyAt": { "level"
    /// ("Subscription" or "Root"), "rule" } } ]; checkedOnlyAt only for an operation Azure checks only there.
    /// </summary>
    public static string Operations(IEnumerable<Operation> operations) => Array(operations, (w, operation) =>
    {
        w.WriteStartObject();
        w.WriteString("name", operation.Name);
        w.WriteBoolean("isDataAction", operation.IsDataAction);
        w.WriteString("kind", operation.Kind);
        w.WriteString("description", operation.Description);
        w.WriteString("source", operation.Source);
        if (operation.CheckedOnlyAt is { } restriction)
        {
            w.WriteStartObject("checkedOnlyAt");
            w.WriteString("level", restriction.Level.ToString());
            w.WriteString("rule", restriction.Rule);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    /// <summary>
    /// [ { "name", "displayName", "description", "actions", "dataActions", "leastScope", "api", "source", "notes",
    /// "documentedAs", "operations": [ { "operation", "isDataAction", "checkedAt", "documentedAs" } ] } ]: "checkedAt" is
    /// where Azure checks the operation (Workspace, ResourceGroup, Subscription, ScopeAsked, or a related resource kind
    /// such as VirtualNetwork), "documentedAs" the documentation's wildcard an operation stands for.
    /// </summary>
    public static string Activities(IEnumerable<Activity> activities) => Array(activities, (w, activity) =>
    {
        w.WriteStartObject();
        w.WriteString("name", activity.Name);
        w.WriteString("displayName", activity.DisplayName);
        w.WriteStringIfSet("description", activity.Description);
        w.WriteStrings("actions", activity.Actions);
        w.WriteStrings("dataActions", activity.DataActions);
        w.WriteString("leastScope", activity.LeastScope.ToString());
        w.WriteString("api", activity.Api.ToString());
        w.WriteString("source", activity.Source);
        w.WriteStringIfSet("notes", activity.Notes);
        w.WriteStrings("documentedAs", activity.DocumentedAs);
        w.WriteArray("operations", activity.Required.ToList(), (ow, required) =>
        {
            ow.WriteStartObject();
            ow.WriteString("operation", required.Operation);
            ow.WriteBoolean("isDataAction", required.IsDataAction);
            ow.WriteString("checkedAt", required.Where.Name);
            ow.WriteStringIfSet("documentedAs", required.DocumentedAs);
            ow.WriteEndObject();
        });
        w.WriteEndObject();
    });

    /// <summary>[ { "name", "kind", "role": { as <see cref="Roles"/> }, "corrections": [ { "entry", "change", "reason" } ], "source", "notes" } ]</summary>
    public static string Templates(IEnumerable<RoleTemplate> templates) => Array(templates, (w, template) =>
    {
        w.WriteStartObject();
        w.WriteString("name", template.Name);
        w.WriteString("kind", template.Kind.ToString());
        w.WritePropertyName("role");
        WriteRole(w, template.Role, System.Array.Empty<RoleAlias>());
        w.WriteArray("corrections", template.Corrections, (cw, correction) =>
        {
            cw.WriteStartObject();
            cw.WriteString("entry", correction.Entry);
            cw.WriteString("change", correction.Change);
            cw.WriteString("reason", correction.Reason);
            cw.WriteEndObject();
        });
        w.WriteString("source", template.Source);
        w.WriteStringIfSet("notes", template.Notes);
        w.WriteEndObject();
    });

    private static string Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) => JsonOutput.Build(w =>
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }
        w.WriteEndArray();
    });
}
