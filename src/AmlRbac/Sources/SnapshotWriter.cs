using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a tenant as a snapshot (schemaVersion 1) with every item in ARM's shape, so the file reads
/// back into an equal tenant and other tools read it as they read ARM's own lists.
/// </summary>
public static class SnapshotWriter
{
    private const string RoleDefinitionPrefix = "/providers/Microsoft.Authorization/roleDefinitions/";

    // Conditions hold quotes and '&'; the default encoder would write them as \u0027 and \u0026.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes to a temporary file in the same folder, then renames it over <paramref name="path"/>, so
    /// a reader never sees a half-written snapshot.
    /// </summary>
    public static void Write(Tenant tenant, string path)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, ToJson(tenant), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The snapshot document's text.</summary>
    public static string ToJson(Tenant tenant)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SnapshotReader.SchemaVersion);
            WriteArray(json, "roleDefinitions", tenant.RoleDefinitions, WriteRoleDefinition);
            WriteArray(json, "roleAssignments", tenant.RoleAssignments.Where(a => !a.IsEligible), (w, a) => WriteRoleAssignment(w, a, "roleAssignments"));
            WriteArray(json, "roleEligibilityScheduleInstances", tenant.RoleAssignments.Where(a => a.IsEligible), (w, a) => WriteRoleAssignment(w, a, "roleEligibilityScheduleInstances"));
            var types = PrincipalTypes(tenant);
            WriteArray(json, "denyAssignments", tenant.DenyAssignments, (w, d) => WriteDenyAssignment(w, d, types));
            WriteArray(json, "groups", tenant.Groups, WriteGroup);
            WriteArray(json, "managementGroups", tenant.ManagementGroups, WriteManagementGroup);
            WriteArray(json, "principals", tenant.Principals, WritePrincipal);
            PolicySnapshotWriter.Write(json, tenant.Policy);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRoleDefinition(Utf8JsonWriter json, RoleDefinition role)
    {
        json.WriteStartObject();
        json.WriteString("id", RoleDefinitionPrefix + role.Id);
        json.WriteString("name", role.Id);
        json.WriteString("type", "Microsoft.Authorization/roleDefinitions");
        json.WriteStartObject("properties");
        json.WriteString("roleName", role.Name);
        WriteOptional(json, "description", role.Description);
        json.WriteString("type", role.IsCustom ? "CustomRole" : "BuiltInRole");
        WriteArray(json, "permissions", role.Permissions, WritePermission);
        WriteStrings(json, "assignableScopes", role.AssignableScopes);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePermission(Utf8JsonWriter json, Permission permission)
    {
        json.WriteStartObject();
        WriteStrings(json, "actions", permission.Actions);
        WriteStrings(json, "notActions", permission.NotActions);
        WriteStrings(json, "dataActions", permission.DataActions);
        WriteStrings(json, "notDataActions", permission.NotDataActions);
        WriteOptional(json, "condition", permission.Condition);
        WriteOptional(json, "conditionVersion", permission.ConditionVersion);
        json.WriteEndObject();
    }

    private static void WriteRoleAssignment(Utf8JsonWriter json, RoleAssignment assignment, string resourceType)
    {
        json.WriteStartObject();
        json.WriteString("id", assignment.Id);
        json.WriteString("name", LastSegment(assignment.Id));
        json.WriteString("type", "Microsoft.Authorization/" + resourceType);
        json.WriteStartObject("properties");
        json.WriteString("roleDefinitionId", RoleDefinitionPrefix + assignment.RoleDefinitionId);
        json.WriteString("principalId", assignment.PrincipalId);
        WriteOptional(json, "principalType", TypeName(assignment.PrincipalType));
        json.WriteString("scope", assignment.Scope);
        WriteOptional(json, "condition", assignment.Condition);
        WriteOptional(json, "conditionVersion", assignment.ConditionVersion);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDenyAssignment(Utf8JsonWriter json, DenyAssignment deny, IReadOnlyDictionary<string, string> types)
    {
        json.WriteStartObject();
        json.WriteString("id", deny.Id);
        json.WriteString("name", LastSegment(deny.Id));
        json.WriteString("type", "Microsoft.Authorization/denyAssignments");
        json.WriteStartObject("properties");
        WriteOptional(json, "denyAssignmentName", deny.Name);
        WriteOptional(json, "description", deny.Description);
        WriteArray(json, "permissions", deny.Permissions, WritePermission);
        json.WriteString("scope", deny.Scope);
        json.WriteBoolean("doNotApplyToChildScopes", deny.DoNotApplyToChildScopes);
        WriteArray(json, "principals", deny.Principals, (w, id) => WriteDenyPrincipal(w, id, types));
        WriteArray(json, "excludePrincipals", deny.ExcludePrincipals, (w, id) => WriteDenyPrincipal(w, id, types));
        json.WriteBoolean("isSystemProtected", deny.IsSystemProtected);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDenyPrincipal(Utf8JsonWriter json, string id, IReadOnlyDictionary<string, string> types)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        WriteOptional(json, "type", types.GetValueOrDefault(id));
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, Group group)
    {
        json.WriteStartObject();
        json.WriteString("id", group.Id);
        WriteOptional(json, "displayName", group.DisplayName);
        WriteStrings(json, "members", group.Members);
        json.WriteEndObject();
    }

    private static void WriteManagementGroup(Utf8JsonWriter json, ManagementGroup group)
    {
        json.WriteStartObject();
        json.WriteString("id", group.Id);
        if (group.Parent is null)
        {
            json.WriteNull("parent");
        }
        else
        {
            json.WriteString("parent", group.Parent);
        }
        WriteStrings(json, "subscriptions", group.Subscriptions);
        json.WriteEndObject();
    }

    private static void WritePrincipal(Utf8JsonWriter json, Principal principal)
    {
        json.WriteStartObject();
        json.WriteString("id", principal.Id);
        WriteOptional(json, "type", TypeName(principal.Type));
        WriteOptional(json, "displayName", principal.DisplayName);
        WriteOptional(json, "userPrincipalName", principal.UserPrincipalName);
        WriteOptional(json, "appId", principal.AppId);
        json.WriteEndObject();
    }

    // Deny assignments name each principal's type (notes.md (b)): SystemDefined for the all-principals
    // id, otherwise what the tenant knows of it.
    private static Dictionary<string, string> PrincipalTypes(Tenant tenant)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ObjectIds.AllPrincipals] = "SystemDefined" };
        foreach (var group in tenant.Groups)
        {
            types.TryAdd(group.Id, nameof(PrincipalType.Group));
        }
        foreach (var principal in tenant.Principals)
        {
            if (TypeName(principal.Type) is { } name)
            {
                types.TryAdd(principal.Id, name);
            }
        }
        return types;
    }

    private static string? TypeName(PrincipalType type) => type == PrincipalType.Unknown ? null : type.ToString();

    // An assignment's "name" is the last segment of its id.
    private static string LastSegment(string id)
    {
        var trimmed = id.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(json, item);
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values) =>
        WriteArray(json, name, values, (w, value) => w.WriteStringValue(value));

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
