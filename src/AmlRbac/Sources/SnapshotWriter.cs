using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a tenant as a snapshot (schemaVersion 1) with every item in ARM's shape, so the file reads
/// back into an equal tenant and other tools read it as they read ARM's own lists.
/// </summary>
public static class SnapshotWriter
{
    private const string RoleDefinitionPrefix = "/providers/Microsoft.Authorization/roleDefinitions/";

    /// <summary>
    /// Writes the snapshot whole or not at all (<see cref="FileOutput"/>), so a reader never sees a
    /// half-written snapshot. Items stream to the file as they are written: a large tenant is not held a
    /// second time as text.
    /// </summary>
    public static void Write(Tenant tenant, string path) => Write(tenant, null, path);

    /// <summary>
    /// As <see cref="Write(Tenant, string)"/>, with the role assignments in <paramref name="spool"/> after those of
    /// <paramref name="tenant"/> (an export spools them as they arrive).
    /// </summary>
    public static void Write(Tenant tenant, RoleAssignmentSpool? spool, string path) =>
        FileOutput.Write(path, stream => Write(tenant, spool, stream));

    /// <summary>The snapshot written to <paramref name="stream"/> as it is laid out: no more than a list item past <see cref="JsonOutput.FlushThreshold"/> is held at a time.</summary>
    internal static void Write(Tenant tenant, RoleAssignmentSpool? spool, Stream stream) =>
        JsonOutput.Write(stream, json => WriteDocument(json, tenant, spool));

    /// <summary>The snapshot document's text.</summary>
    public static string ToJson(Tenant tenant) => JsonOutput.Build(json => WriteDocument(json, tenant, null));

    private static void WriteDocument(Utf8JsonWriter json, Tenant tenant, RoleAssignmentSpool? spool)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SnapshotReader.SchemaVersion);
        json.WriteArray("roleDefinitions", tenant.RoleDefinitions, WriteRoleDefinition);
        WriteAssignments(json, "roleAssignments", tenant.RoleAssignments.Where(a => !a.IsEligible), spool, eligible: false);
        WriteAssignments(json, "roleEligibilityScheduleInstances", tenant.RoleAssignments.Where(a => a.IsEligible), spool, eligible: true);
        var types = PrincipalTypes(tenant);
        json.WriteArray("denyAssignments", tenant.DenyAssignments, (w, d) => WriteDenyAssignment(w, d, types));
        json.WriteArray("groups", tenant.Groups, WriteGroup);
        json.WriteArray("managementGroups", tenant.ManagementGroups, WriteManagementGroup);
        json.WriteArray("principals", tenant.Principals, WritePrincipal);
        PolicySnapshotWriter.Write(json, tenant.Policy);
        ResourceSnapshotWriter.Write(json, tenant.Resources);
        json.WriteEndObject();
    }

    private static void WriteRoleDefinition(Utf8JsonWriter json, RoleDefinition role)
    {
        json.WriteStartObject();
        json.WriteString("id", RoleDefinitionPrefix + role.Id);
        json.WriteString("name", role.Id);
        json.WriteString("type", "Microsoft.Authorization/roleDefinitions");
        json.WriteStartObject("properties");
        json.WriteString("roleName", role.Name);
        json.WriteStringIfSet("description", role.Description);
        json.WriteString("type", role.IsCustom ? "CustomRole" : "BuiltInRole");
        json.WriteArray("permissions", role.Permissions, PermissionJson.Write);
        json.WriteStrings("assignableScopes", role.AssignableScopes);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAssignments(Utf8JsonWriter json, string name, IEnumerable<RoleAssignment> assignments, RoleAssignmentSpool? spool, bool eligible)
    {
        json.WriteStartArray(name);
        foreach (var assignment in assignments)
        {
            WriteRoleAssignment(json, assignment);
            json.FlushWhenFull();
        }
        spool?.CopyTo(json, eligible);
        json.WriteEndArray();
    }

    /// <summary>One role assignment, active or eligible, in ARM's shape: one item of a snapshot's list (and a line of a spool).</summary>
    internal static void WriteRoleAssignment(Utf8JsonWriter json, RoleAssignment assignment)
    {
        json.WriteStartObject();
        json.WriteString("id", assignment.Id);
        json.WriteString("name", LastSegment(assignment.Id));
        json.WriteString("type", assignment.IsEligible ? "Microsoft.Authorization/roleEligibilityScheduleInstances" : "Microsoft.Authorization/roleAssignments");
        json.WriteStartObject("properties");
        json.WriteString("roleDefinitionId", RoleDefinitionPrefix + assignment.RoleDefinitionId);
        json.WriteString("principalId", assignment.PrincipalId);
        json.WriteStringIfSet("principalType", TypeName(assignment.PrincipalType));
        json.WriteString("scope", assignment.Scope);
        json.WriteStringIfSet("condition", assignment.Condition);
        json.WriteStringIfSet("conditionVersion", assignment.ConditionVersion);
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
        json.WriteStringIfSet("denyAssignmentName", deny.Name);
        json.WriteStringIfSet("description", deny.Description);
        json.WriteArray("permissions", deny.Permissions, PermissionJson.Write);
        json.WriteString("scope", deny.Scope);
        json.WriteBoolean("doNotApplyToChildScopes", deny.DoNotApplyToChildScopes);
        json.WriteArray("principals", deny.Principals, (w, id) => WriteDenyPrincipal(w, id, types));
        json.WriteArray("excludePrincipals", deny.ExcludePrincipals, (w, id) => WriteDenyPrincipal(w, id, types));
        json.WriteBoolean("isSystemProtected", deny.IsSystemProtected);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDenyPrincipal(Utf8JsonWriter json, string id, IReadOnlyDictionary<string, string> types)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStringIfSet("type", types.GetValueOrDefault(id));
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, Group group)
    {
        json.WriteStartObject();
        json.WriteString("id", group.Id);
        json.WriteStringIfSet("displayName", group.DisplayName);
        json.WriteStrings("members", group.Members);
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
        json.WriteStrings("subscriptions", group.Subscriptions);
        json.WriteEndObject();
    }

    private static void WritePrincipal(Utf8JsonWriter json, Principal principal)
    {
        json.WriteStartObject();
        json.WriteString("id", principal.Id);
        json.WriteStringIfSet("type", TypeName(principal.Type));
        json.WriteStringIfSet("displayName", principal.DisplayName);
        json.WriteStringIfSet("userPrincipalName", principal.UserPrincipalName);
        json.WriteStringIfSet("appId", principal.AppId);
        json.WriteEndObject();
    }

    // Deny assignments name each principal's type ([DA], [SPEC-DA]): SystemDefined for the all-principals
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
}
