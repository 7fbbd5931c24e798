using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Writes a role as the JSON file both creators read: New-AzRoleDefinition -InputFile (Az reads it with
/// Newtonsoft, so property names match in any case) and az role definition create --role-definition
/// (Azure/azure-cli, role module custom.py: it lower-cases the first letter of each top-level key, then
/// reads either permissions[] with inner keys exactly actions / notActions / dataActions / notDataActions,
/// or flat top-level actions ...). Hence:
/// <see cref="RoleShape.Flat"/> writes {Name, Id, IsCustom, Description, Actions, NotActions, DataActions,
/// NotDataActions, AssignableScopes}: read by the Azure CLI and by Az.Resources before 10.0;
/// <see cref="RoleShape.Permissions"/> writes {Name, Id, IsCustom, Description, AssignableScopes,
/// Permissions: [{actions, notActions, dataActions, notDataActions}]}: read by the Azure CLI and by
/// Az.Resources 10.0 and later ([AZPS-PERMISSIONS]).
/// </summary>
public static class RoleDefinitionJson
{
    public static string Write(RoleDefinition role, RoleShape shape) => JsonOutput.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Name", role.Name);
        writer.WriteString("Id", role.Id);
        writer.WriteBoolean("IsCustom", role.IsCustom);
        writer.WriteString("Description", role.Description ?? string.Empty);
        if (shape == RoleShape.Flat)
        {
            var block = FlatBlock(role);
            writer.WriteStrings("Actions", block.Actions);
            writer.WriteStrings("NotActions", block.NotActions);
            writer.WriteStrings("DataActions", block.DataActions);
            writer.WriteStrings("NotDataActions", block.NotDataActions);
            writer.WriteStrings("AssignableScopes", role.AssignableScopes);
        }
        else
        {
            writer.WriteStrings("AssignableScopes", role.AssignableScopes);
            writer.WriteStartArray("Permissions");
            foreach (var block in role.Permissions)
            {
                writer.WriteStartObject();
                writer.WriteStrings("actions", block.Actions);
                writer.WriteStrings("notActions", block.NotActions);
                writer.WriteStrings("dataActions", block.DataActions);
                writer.WriteStrings("notDataActions", block.NotDataActions);
                if (block.Condition is not null)
                {
                    writer.WriteString("condition", block.Condition);
                    writer.WriteString("conditionVersion", block.ConditionVersion);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }) + Environment.NewLine;

    /// <summary>Writes the file, all or nothing: a temporary file next to it is renamed over it.</summary>
    public static void WriteFile(RoleDefinition role, RoleShape shape, string path) =>
        FileOutput.Write(path, Write(role, shape), (_, error) =>
            new AmlRbacException(ErrorIds.RoleFileWriteFailed, FailureCategory.WriteError, $"Could not write role file '{path}': {error.Message}", path));

    /// <summary>
    /// The one block the flat shape can hold. The flat shape has no condition and no second block
    /// ([AZPS-PERMISSIONS]: Az 10 replaced it because roles can have several blocks, each with a condition).
    /// </summary>
    public static Permission FlatBlock(RoleDefinition role) => role.Permissions switch
    {
        [] => new Permission(),
        [var only] when only.Condition is null => only,
        [_] => throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument,
            $"Role '{role.Name}' has a permission condition, which the Flat shape cannot hold; use the Permissions shape.", role.Name),
        var blocks => throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument,
            $"Role '{role.Name}' has {blocks.Count} permission blocks, which the Flat shape cannot hold; use the Permissions shape.", role.Name),
    };

}
