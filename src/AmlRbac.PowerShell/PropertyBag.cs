using System.Collections;
using System.Management.Automation;

namespace AmlRbac.PowerShell;

/// <summary>
/// The properties of a piped object by name, as the engine's Az object reader takes them: Az's own
/// classes (PSRoleAssignment, PSRoleDefinition, PSDenyAssignment), PSCustomObjects of the same shape
/// (ConvertFrom-Json output) and hashtables all read the same way. Nested objects (a deny assignment's
/// Principals, a role's Permissions) become nested property bags, lists become lists, GUIDs and enums
/// become strings.
/// </summary>
internal static class PropertyBag
{
    // Az's role shapes nest two levels deep; a .NET object deeper than that is not RBAC data and could be a large
    // object graph. Data (hashtables, lists, PSCustomObjects: ConvertFrom-Json output, the policy rule and parameters
    // of Get-AzPolicyDefinition/-Assignment) nests as deep as a policy rule's conditions, which Azure Policy stops at
    // a depth of 128 ([RULE], limits while evaluating).
    private const int MaxDepth = 4;
    private const int MaxDataDepth = 128;

    public static IReadOnlyDictionary<string, object?> From(PSObject item) =>
        Convert(item, 0) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary>"input object 3 (PSRoleAssignment)": how errors name a piped item.</summary>
    public static string Describe(PSObject item, int position)
    {
        var typeName = item.TypeNames.Count > 0 ? item.TypeNames[0] : item.BaseObject.GetType().FullName;
        return $"input object {position} ({typeName?[(typeName.LastIndexOf('.') + 1)..]})";
    }

    private static object? Convert(object? value, int depth)
    {
        var baseObject = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (baseObject)
        {
            case null:
                return null;
            case string or bool:
                return baseObject;
            case Guid or Enum:
                return baseObject.ToString();
            case var scalar when scalar.GetType().IsPrimitive || scalar is decimal or DateTime or DateTimeOffset or TimeSpan:
                return scalar;
        }
        var isData = baseObject is IDictionary or IEnumerable or PSCustomObject;
        if (depth >= (isData ? MaxDataDepth : MaxDepth))
        {
            return null;
        }
        switch (baseObject)
        {
            case IDictionary dictionary:
                var entries = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry entry in dictionary)
                {
                    entries[entry.Key.ToString() ?? string.Empty] = Convert(entry.Value, depth + 1);
                }
                return entries;
            case IEnumerable list:
                return list.Cast<object?>().Select(e => Convert(e, depth + 1)).ToList();
        }
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in PSObject.AsPSObject(value!).Properties)
        {
            try
            {
                properties[property.Name] = Convert(property.Value, depth + 1);
            }
            catch (GetValueException)
            {
                // A property whose getter throws is not one the reader needs; the rest still count.
            }
        }
        return properties;
    }
}
