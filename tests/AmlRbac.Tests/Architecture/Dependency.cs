namespace AmlRbac.Tests.Architecture;

/// <summary>
/// A type as the layer checks see it: a top-level type, so a nested type (and every closure, lambda and state
/// machine the compiler nests in a type) stands for the type it is declared in.
/// </summary>
internal sealed record TypeName(string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";

    public override string ToString() => FullName;
}

/// <summary>
/// <paramref name="Source"/> uses <paramref name="Target"/>; <paramref name="Where"/> says how, for a reader of a
/// failure: the member of the source and what in it names the target ("Judge(PolicyAssignment): IL call ...").
/// </summary>
internal sealed record Dependency(TypeName Source, TypeName Target, string Where);

/// <summary>The types of an assembly (top-level, without what the compiler emits for itself) and what they use.</summary>
internal sealed record AssemblyGraph(IReadOnlyList<TypeName> Types, IReadOnlyList<Dependency> Dependencies);
