using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// What one evaluation of a rule can read: the request's fields, the parameter values, and the members being
/// counted (for <c>current()</c> and for fields inside a field count). It also collects the assumptions the result
/// rests on, so the verdict can state them.
/// </summary>
internal sealed class RuleContext
{
    private readonly List<(string Name, object? Value)> _counting = new();
    private readonly List<string> _notes = new();

    public RuleContext(IPolicyRequest request, ParameterValues parameters)
    {
        Request = request;
        Parameters = parameters;
    }

    public IPolicyRequest Request { get; }
    public ParameterValues Parameters { get; }

    /// <summary>Assumptions and inferences the evaluation relied on, in order, without repeats.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public void Note(string? text)
    {
        if (text is not null && !_notes.Contains(text))
        {
            _notes.Add(text);
        }
    }

    /// <summary>Runs <paramref name="body"/> with one count member in view (named by count.name, or by the counted alias).</summary>
    public T WithMember<T>(string name, object? member, Func<T> body)
    {
        _counting.Add((name, member));
        try
        {
            return body();
        }
        finally
        {
            _counting.RemoveAt(_counting.Count - 1);
        }
    }

    /// <summary>
    /// <c>current(name)</c>: the member of the count called <paramref name="name"/>, or of the innermost count when no
    /// name is given [RULE] "current(indexName)", only inside count.where.
    /// </summary>
    public object? Current(string? name)
    {
        for (var i = _counting.Count - 1; i >= 0; i--)
        {
            if (name is null || string.Equals(_counting[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return _counting[i].Value;
            }
        }
        throw new CannotEvaluateException(name is null
            ? $"current() is used outside a count's where {PublicSource.PolicyRule}."
            : $"current('{name}') names no enclosing count {PublicSource.PolicyRule}.");
    }

    /// <summary>
    /// A field as a condition or <c>field()</c> sees it. Inside a field count over <c>x[*]</c>, <c>x[*]</c> and
    /// <c>x[*].p</c> refer to the member being counted: "as if i is the only member of the array" [ARRAYS]. Elsewhere
    /// <c>x[*].p</c> is the list of <c>p</c> over all members [RULE] "field".
    /// </summary>
    public FieldLookup Field(string name)
    {
        if (CountedMember(name) is var (counted, below) && below is not null)
        {
            return below.Length == 0 ? FieldLookup.Present(counted) : Walk(counted, below);
        }
        var star = name.IndexOf("[*]", StringComparison.Ordinal);
        if (star < 0 || star + 3 == name.Length)
        {
            var lookup = Request.Field(name);
            Note(lookup.State == FieldState.Unknown ? null : lookup.Note);
            // [ARRAYS]: an absent x[*] selects "an empty collection of values".
            return star >= 0 && lookup.State == FieldState.Absent ? FieldLookup.Present(new List<object?>()) : lookup;
        }
        var array = Field(name[..(star + 3)]);
        if (array.State != FieldState.Present || !PolicyValues.IsList(array.Value, out var members))
        {
            return array;
        }
        var values = new List<object?>();
        var nested = name.EndsWith("[*]", StringComparison.Ordinal);
        foreach (var member in members)
        {
            var value = Walk(member, name[(star + 4)..]);
            if (value.State == FieldState.Unknown)
            {
                return value;
            }
            // "a[*].b[*]" selects the members of every b, one flat collection [ARRAYS].
            if (nested && PolicyValues.IsList(value.Value, out var inner))
            {
                values.AddRange(inner);
            }
            else
            {
                values.Add(value.Value);
            }
        }
        return FieldLookup.Present(values);
    }

    /// <summary>True when <paramref name="name"/> is read from one counted member rather than from the whole request.</summary>
    public bool IsCountedMember(string name) => CountedMember(name).Below is not null;

    // The innermost field count over "x[*]" that "x[*]" or "x[*].p" refers to: its member and the path below it.
    private (object? Member, string? Below) CountedMember(string name)
    {
        for (var i = _counting.Count - 1; i >= 0; i--)
        {
            var alias = _counting[i].Name;
            if (alias.EndsWith("[*]", StringComparison.Ordinal) && name.StartsWith(alias, StringComparison.OrdinalIgnoreCase))
            {
                var rest = name[alias.Length..];
                if (rest.Length == 0 || rest[0] == '.')
                {
                    return (_counting[i].Value, rest.TrimStart('.'));
                }
            }
        }
        return (null, null);
    }

    // Walks a dotted path ("a.b", or "a.b[*]" ending in a list) inside one member.
    private static FieldLookup Walk(object? value, string path)
    {
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var many = segments[i].EndsWith("[*]", StringComparison.Ordinal);
            if (many && i < segments.Length - 1)
            {
                return FieldLookup.Unknown($"the nested array path '{path}' inside a counted member is not supported by AmlRbac.");
            }
            var key = many ? segments[i][..^3] : segments[i];
            if (value is not IReadOnlyDictionary<string, object?> fields || !fields.TryGetValue(key, out value))
            {
                // [ARRAYS]: a missing x[*] is an empty collection.
                return many ? FieldLookup.Present(new List<object?>()) : FieldLookup.Absent();
            }
        }
        return FieldLookup.Present(value);
    }
}
