using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// The resources other than the workspace that a question names (--related-resource, -RelatedResource), each of a
/// kind of <see cref="RelatedResourceKind"/>: where the operations an activity needs on them are checked.
/// </summary>
public sealed class RelatedResources
{
    private readonly IReadOnlyList<(RelatedResourceKind Kind, Scope Id)> _resources;

    private RelatedResources(IReadOnlyList<(RelatedResourceKind, Scope)> resources) => _resources = resources;

    /// <summary>None named.</summary>
    public static RelatedResources None { get; } = new(Array.Empty<(RelatedResourceKind, Scope)>());

    /// <summary>The resource ids given, each once. Throws RelatedResourceInvalid for an id of no known kind or a malformed one.</summary>
    public static RelatedResources Parse(IEnumerable<string>? resourceIds)
    {
        var parsed = new List<(RelatedResourceKind, Scope)>();
        foreach (var id in resourceIds ?? Array.Empty<string>())
        {
            var kind = RelatedResourceKind.Of(id, out var scope);
            if (!parsed.Any(p => p.Item2.Equals(scope)))
            {
                parsed.Add((kind, scope));
            }
        }
        return parsed.Count == 0 ? None : new RelatedResources(parsed);
    }

    /// <summary>Every resource named, with its kind, in the order given.</summary>
    public IReadOnlyList<(RelatedResourceKind Kind, Scope Id)> All => _resources;

    /// <summary>
    /// The resources of a kind the question names. A subnet names its virtual network too: the subnet's id is the
    /// network's id followed by /subnets/{name}, so a question that names the subnet is answered for the network it
    /// sits in when no network is named.
    /// </summary>
    public IReadOnlyList<Scope> Of(RelatedResourceKind kind)
    {
        var named = _resources.Where(r => r.Kind == kind).Select(r => r.Id).ToList();
        if (named.Count == 0 && kind == RelatedResourceKind.VirtualNetwork)
        {
            named = _resources.Where(r => r.Kind == RelatedResourceKind.Subnet).Select(r => r.Id.Parent!).Distinct().ToList();
        }
        return named;
    }
}
