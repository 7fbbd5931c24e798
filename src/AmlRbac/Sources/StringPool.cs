namespace AmlRbac.Sources;

/// <summary>
/// One string for each distinct text read from one input: a tenant of a million assignments names a few
/// thousand scopes, roles and principals a million times, and field names on every item (issue #16).
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var kept))
        {
            return kept;
        }
        _strings.Add(text, text);
        return text;
    }
}
