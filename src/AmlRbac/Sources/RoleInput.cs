using System.Text.Json;
using AmlRbac.Authoring;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads a role to check or tighten: Get-AzRoleDefinition output (either shape) or New-AmlCustomRole output
/// given as a property bag, or a JSON file in any shape the Az object reader takes (the New-AzRoleDefinition
/// -InputFile and az role definition create files, ARM and az role definition list output). A role written
/// to be created has no Id yet (Azure or -Id gives one): it gets a fresh GUID.
/// </summary>
public static class RoleInput
{
    /// <summary>The role a property bag describes, or RoleDefinitionInvalid / InputObjectInvalid naming <paramref name="description"/>.</summary>
    public static RoleDefinition FromProperties(IReadOnlyDictionary<string, object?> properties, string description)
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in properties)
        {
            fields.TryAdd(name, value);
        }
        if (!fields.TryGetValue("id", out var id) || id is null || id is string { Length: 0 })
        {
            fields["Id"] = Guid.NewGuid().ToString("D");
        }
        return AzObjectReader.Read(fields, description) is RoleDefinition role
            ? role
            : throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidArgument,
                $"{description} is not a role definition (it has no Actions, DataActions or Permissions).", description);
    }

    /// <summary>
    /// The role in <paramref name="json"/>. Text that is not JSON gives a <see cref="LintRules.JsonSyntax"/>
    /// finding with line and column, not an exception: the MLOps example custom role of [MLROLES] has a trailing comma, which
    /// RFC 8259 does not allow and az role definition create (Python's json module) refuses. Valid JSON that
    /// is not one role is RoleDefinitionInvalid.
    /// </summary>
    public static RoleDocument FromJson(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            var line = (int)(error.LineNumber ?? 0) + 1;
            var column = (int)(error.BytePositionInLine ?? 0) + 1;
            // System.Text.Json's message ends with advice for programmers and the position; both are replaced.
            var problem = error.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0]
                .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
                .Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal);
            return new RoleDocument(null, LintRules.JsonSyntax.Finding(null, null, $"{sourceName} is not valid JSON at line {line}, column {column}: {problem}") with { Line = line, Column = column });
        }
        using (document)
        {
            if (JsonValues.From(document.RootElement) is not IReadOnlyDictionary<string, object?> fields)
            {
                throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidData,
                    $"{sourceName} does not hold one role definition (a JSON object); it holds a {document.RootElement.ValueKind}.", sourceName);
            }
            return new RoleDocument(FromProperties(fields, sourceName), null);
        }
    }

    /// <summary>
    /// The role in a file, read as <see cref="FromJson"/> reads text. A file that is missing, a folder or not
    /// readable is RoleFileNotFound, reported as an unreadable snapshot is.
    /// </summary>
    public static RoleDocument FromFile(string path) =>
        FromJson(FileInput.ReadAllText(path, ErrorIds.RoleFileNotFound, "Role file"), path);

    /// <summary>
    /// A role named on a command line: a JSON file when <paramref name="fileOrName"/> is an existing file
    /// or ends in .json, otherwise the role <paramref name="builtInRole"/> finds by name or id (the catalog's
    /// lookup, RoleNotFound with the closest names). A file that is not JSON is RoleDefinitionInvalid, with
    /// the line and column.
    /// </summary>
    public static RoleDefinition FromFileOrName(string fileOrName, Func<string, RoleDefinition> builtInRole) =>
        File.Exists(fileOrName) || fileOrName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? FromFile(fileOrName).Required(fileOrName)
            : builtInRole(fileOrName);
}
