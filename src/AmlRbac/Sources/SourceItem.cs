using System.Collections;
using System.Reflection;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// One object of input, read field by field: a JSON object of a snapshot file (turned into plain values by
/// <see cref="JsonValues"/>) or the property bag of an Az object piped into a cmdlet. Field names match
/// case-insensitively, because the same field is "roleDefinitionId" in ARM and the Azure CLI and
/// "RoleDefinitionId" in Az PowerShell ([AZPS-AUTH], [SPEC-RA]). Every accessor checks the value's type and
/// fails with the field's path, so each shape reader states only which fields it reads.
/// </summary>
internal sealed class SourceItem
{
    private readonly IReadOnlyDictionary<string, object?> _fields;

    // Where the item is, spelt out only when asked (for an error): a snapshot reads a million items and nests a
    // "properties" object in each, and almost none is ever named (issue #16). Either the path itself, or the list's
    // path and the index in it, or the item this one is a field of and the field's name.
    private string? _path;
    private readonly string? _listPath;
    private readonly int _index;
    private readonly SourceItem? _parent;
    private readonly string? _field;

    public SourceItem(IReadOnlyDictionary<string, object?> fields, InputOrigin origin, string path)
    {
        _fields = IgnoringCase(fields);
        Origin = origin;
        _path = path;
    }

    private SourceItem(IReadOnlyDictionary<string, object?> fields, InputOrigin origin, string listPath, int index)
    {
        _fields = IgnoringCase(fields);
        Origin = origin;
        _listPath = listPath;
        _index = index;
    }

    private SourceItem(IReadOnlyDictionary<string, object?> fields, SourceItem parent, string field)
    {
        _fields = IgnoringCase(fields);
        Origin = parent.Origin;
        _parent = parent;
        _field = field;
    }

    public InputOrigin Origin { get; }

    /// <summary>Where this item is: "$.roleAssignments[3]" in a file, "" for a piped object itself.</summary>
    public string Path => _path ??= _parent is not null ? _parent.Child(_field!) : IndexPath(_listPath!, _index);

    /// <summary>True when the field is present with a value other than null.</summary>
    public bool Has(string name) => _fields.TryGetValue(name, out var value) && value is not null;

    /// <summary>A text field; null when absent, null or blank.</summary>
    public string? String(string name)
    {
        var value = Get(name);
        var text = value switch
        {
            null => null,
            string s => s,
            Guid g => g.ToString("D"),
            Enum e => e.ToString(),
            _ => throw Invalid(name, $"expected a string, found {Describe(value)}."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The first of <paramref name="names"/> that holds text, trimmed; missing in all is an error.</summary>
    public string RequiredString(params string[] names)
    {
        foreach (var name in names)
        {
            if (String(name) is { } text)
            {
                return text.Trim();
            }
        }
        var alternatives = names.Length > 1 ? $" (or {string.Join(", ", names.Skip(1).Select(n => $"'{n}'"))})" : string.Empty;
        throw Invalid(names[0], $"the required field is missing{alternatives}.");
    }

    /// <summary>A list of strings; empty when absent or null.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var list = new List<string>();
        var index = 0;
        foreach (var element in Elements(name, "an array of strings"))
        {
            list.Add(element switch
            {
                string s => s,
                Guid g => g.ToString("D"),
                _ => throw Invalid($"{name}[{index}]", $"expected a string, found {Describe(element)}."),
            });
            index++;
        }
        return list;
    }

    /// <summary>A true/false field; false when absent or null.</summary>
    public bool Bool(string name) => Get(name) switch
    {
        null => false,
        bool b => b,
        var other => throw Invalid(name, $"expected true or false, found {Describe(other)}."),
    };

    /// <summary>A nested object; null when absent or null.</summary>
    public SourceItem? Item(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }
        return AsFields(value) is { } fields
            ? new SourceItem(fields, this, name)
            : throw Invalid(name, $"expected an object, found {Describe(value)}.{DepthHint(value)}");
    }

    /// <summary>A list of objects; empty when absent or null.</summary>
    public IReadOnlyList<SourceItem> Items(string name) => ItemsOf(Elements(name, "an array of objects"), Origin, Child(name));

    /// <summary>The objects of a list at <paramref name="listPath"/>; any other element is an error naming its index.</summary>
    public static IReadOnlyList<SourceItem> ItemsOf(IEnumerable<object?> elements, InputOrigin origin, string listPath)
    {
        var items = new List<SourceItem>();
        foreach (var element in elements)
        {
            items.Add(ItemAt(element, origin, listPath, items.Count));
        }
        return items;
    }

    /// <summary>Element <paramref name="index"/> of the list at <paramref name="listPath"/>, which must be an object.</summary>
    public static SourceItem ItemAt(object? element, InputOrigin origin, string listPath, int index)
    {
        return element is not null && AsFields(element) is { } fields
            ? new SourceItem(fields, origin, listPath, index)
            : throw origin.Fail(IndexPath(listPath, index), $"expected an object, found {Describe(element)}.{DepthHint(element)}");
    }

    private static string IndexPath(string listPath, int index) => $"{listPath}[{index}]";

    /// <summary>A whole number; <paramref name="name"/> must be present.</summary>
    public long Integer(string name) => Get(name) switch
    {
        null => throw Invalid(name, "the required field is missing."),
        var number when number is long or int or short or byte => Convert.ToInt64(number),
        var other => throw Invalid(name, $"expected a whole number, found {Describe(other)}."),
    };

    /// <summary>The names of the fields present, as written.</summary>
    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <summary>
    /// A principal type: a name (User, Group, ServicePrincipal, ForeignGroup, Device; any casing) or a
    /// number. A number is read as the value of <see cref="Model.PrincipalType"/>, which is what ConvertTo-Json
    /// writes for an enum; the Az classes carry ObjectType as a string (PSRoleAssignment.cs, PSPrincipal.cs).
    /// An unknown name is Unknown, not an error: ARM's principalType enum is "modelAsString" ([SPEC-RA]),
    /// so new values can appear.
    /// </summary>
    public Model.PrincipalType PrincipalType(string name)
    {
        var value = Get(name);
        return value switch
        {
            null => Model.PrincipalType.Unknown,
            string or Enum => Enum.TryParse<Model.PrincipalType>(value.ToString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : Model.PrincipalType.Unknown,
            byte or short or int or long => Enum.IsDefined(typeof(Model.PrincipalType), Convert.ToInt32(value)) ? (Model.PrincipalType)Convert.ToInt32(value) : Model.PrincipalType.Unknown,
            _ => throw Invalid(name, $"expected a principal type name or number, found {Describe(value)}."),
        };
    }

    /// <summary>A required scope, checked with <see cref="Model.Scope.TryParse"/> so nothing later fails on it.</summary>
    public string Scope(string name)
    {
        var text = RequiredString(name);
        if (Origin.Strings?.KnownScope(text) is { } known)
        {
            return known;
        }
        return Model.Scope.TryParse(text, out var scope, out var error)
            ? Origin.Strings?.AddScope(text, scope.Value) ?? scope.Value
            : throw Invalid(name, $"'{text}' is not a valid scope: {error}");
    }

    /// <summary>The error for a problem with one field of this item.</summary>
    public AmlRbacException Invalid(string name, string problem) => Origin.Fail(Child(name), problem);

    /// <summary>The error for a problem with this item as a whole.</summary>
    public AmlRbacException Invalid(string problem) => Origin.Fail(Path, problem);

    /// <summary>
    /// The fields of a nested value: a dictionary (a JSON object, a property bag, a PowerShell hashtable)
    /// or, for any other object that is not a scalar or a list (a PSPermission or PSPrincipal instance),
    /// its public properties. Null for scalars and lists.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? AsFields(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> fields => fields,
        IDictionary dictionary => IgnoringCase(dictionary.Cast<DictionaryEntry>().Select(e => (e.Key.ToString() ?? string.Empty, e.Value))),
        string or Guid or bool or Enum or IEnumerable or IConvertible => null,
        _ => IgnoringCase(value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, p.GetValue(value)))),
    };

    private object? Get(string name) => _fields.TryGetValue(name, out var value) ? value : null;

    private IEnumerable<object?> Elements(string name, string expected)
    {
        var value = Get(name);
        return value switch
        {
            null => Array.Empty<object?>(),
            string or IDictionary or IReadOnlyDictionary<string, object?> => throw Invalid(name, $"expected {expected}, found {Describe(value)}.{DepthHint(value)}"),
            IEnumerable list => list.Cast<object?>(),
            _ => throw Invalid(name, $"expected {expected}, found {Describe(value)}."),
        };
    }

    // The path of a field ("name" or "name[3]"), spelt as the input spells it so the user finds it.
    private string Child(string name)
    {
        var bracket = name.IndexOf('[');
        var key = bracket < 0 ? name : name[..bracket];
        var written = _fields.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
        var field = bracket < 0 ? written : written + name[bracket..];
        return Path.Length == 0 ? field : $"{Path}.{field}";
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{(s.Length > 60 ? s[..60] + "..." : s)}'",
        bool b => b ? "true" : "false",
        IDictionary or IReadOnlyDictionary<string, object?> => "an object",
        IEnumerable => "an array",
        IConvertible => "a number",
        _ => $"a {value.GetType().Name}",
    };

    // ConvertTo-Json writes objects nested deeper than its -Depth (2 by default) as their type name,
    // e.g. "System.Collections.Generic.List`1[System.String]": say so, since the fix is on the user's side.
    private static string DepthHint(object? value) =>
        value is string s && s.StartsWith("System.", StringComparison.Ordinal)
            ? " The export looks cut short by ConvertTo-Json's -Depth (2 by default): export again with ConvertTo-Json -Depth 10."
            : string.Empty;

    private static IReadOnlyDictionary<string, object?> IgnoringCase(IReadOnlyDictionary<string, object?> fields) =>
        fields is JsonFields || (fields is Dictionary<string, object?> dictionary && dictionary.Comparer.Equals(StringComparer.OrdinalIgnoreCase))
            ? fields
            : IgnoringCase(fields.Select(f => (f.Key, f.Value)));

    // Names that differ only in case are one field: the first one wins.
    private static Dictionary<string, object?> IgnoringCase(IEnumerable<(string Name, object? Value)> fields)
    {
        var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            copy.TryAdd(name, value);
        }
        return copy;
    }
}
