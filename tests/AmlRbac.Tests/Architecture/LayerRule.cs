namespace AmlRbac.Tests.Architecture;

/// <summary>
/// Which namespaces under <see cref="Root"/> are layers, what each may depend on besides itself, and which may use
/// the types <see cref="IsFileOrNetwork"/> names. Layers are named relative to the root ("Sources.Live" is
/// Root.Sources.Live), and a namespace is a layer only when it is listed exactly: a sub-namespace is a new layer.
/// </summary>
internal sealed record LayerRule(
    string Root,
    IReadOnlyDictionary<string, string[]> MayDependOn,
    IReadOnlyList<string> MayTouchFilesAndNetwork,
    Func<TypeName, bool> IsFileOrNetwork)
{
    /// <summary>The namespace relative to the root ("" for the root itself), or null when it is outside the root.</summary>
    public string? Relative(string ns) =>
        ns == Root ? ""
        : ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..]
        : null;

    public bool IsLayer(string relative) => MayDependOn.ContainsKey(relative);

    public bool Allows(string from, string to) => from == to || (MayDependOn.TryGetValue(from, out var allowed) && allowed.Contains(to));
}
