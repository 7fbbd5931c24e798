namespace AmlRbac.Sources;

/// <summary>
/// One string for each distinct text read from one input: a tenant of a million assignments names a few
/// thousand scopes, roles and principals a million times, and field names on every item (issue #16).
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    // Scope texts already checked by Scope.TryParse, with the scope each is: a tenant names a few thousand
    // scopes on a million assignments, and the check is the same for the same text.
    private readonly Dictionary<string, string> _scopes = new(StringComparer.Ordinal);

    public string Intern(string text)
    {
        if (_strings.TryGetValue(text, out var kept))
        {
            return kept;
        }
        _strings.Add(text, text);
        return text;
    }

    /// <summary>The scope <paramref name="text"/> was found to be, or null when it has not been checked.</summary>
    public string? KnownScope(string text) => _scopes.GetValueOrDefault(text);

    /// <summary>Remembers that <paramref name="text"/> is the valid scope <paramref name="scope"/>, and returns its one string.</summary>
    public string AddScope(string text, string scope)
    {
        var kept = Intern(scope);
        _scopes[text] = kept;
        return kept;
    }
}
