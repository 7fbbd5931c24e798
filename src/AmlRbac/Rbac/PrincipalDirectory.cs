using System.Collections.Concurrent;
using AmlRbac.Model;

namespace AmlRbac.Rbac;

/// <summary>
/// Every principal the tenant mentions, numbered, with group membership. Membership is transitive:
/// the token ARM checks "includes the user's group memberships (including transitive group
/// memberships)" ([OV] overview.md, step 1). Nesting may be cyclic; each closure visits a group once.
/// </summary>
internal sealed class PrincipalDirectory
{
    private readonly Dictionary<string, int> _index = new(PrincipalIdComparer.Instance);
    // The same ids by their exact text (as the source wrote them, and in normal form): most questions
    // use one of these, and an ordinal lookup is several times cheaper than parsing GUIDs to compare.
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _ids = new();
    private readonly List<string?> _names = new();
    private readonly List<PrincipalType> _types = new();
    private readonly List<List<int>> _memberOf = new();   // principal -> groups that list it directly
    private readonly List<List<int>> _members = new();    // group -> its direct members
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> _membershipHeld = new(); // the groups the source lists with their members
    private readonly ConcurrentDictionary<int, int[]> _closures = new();
    private readonly ConcurrentDictionary<int, int[]> _transitiveMembers = new();

    public PrincipalDirectory(Tenant tenant)
    {
        foreach (var principal in tenant.Principals)
        {
            var index = Add(principal.Id, principal.Type);
            _names[index] ??= principal.DisplayName ?? principal.UserPrincipalName;
            AddName(principal.UserPrincipalName, index);
            AddName(principal.AppId, index);
            AddName(principal.DisplayName, index);
        }
        foreach (var group in tenant.Groups)
        {
            var groupIndex = Add(group.Id, PrincipalType.Group);
            _membershipHeld.Add(groupIndex);
            _names[groupIndex] ??= group.DisplayName;
            AddName(group.DisplayName, groupIndex);
            foreach (var member in group.Members)
            {
                var memberIndex = Add(member, PrincipalType.Unknown);
                _memberOf[memberIndex].Add(groupIndex);
                _members[groupIndex].Add(memberIndex);
            }
        }
    }

    public int Count => _ids.Count;

    /// <summary>The number of a principal, adding it when it is new.</summary>
    public int Add(string id, PrincipalType type)
    {
        var known = _exact.TryGetValue(id, out var existing);
        if (!known && _index.TryGetValue(id, out existing))
        {
            _exact[id] = existing;
            known = true;
        }
        if (known)
        {
            if (_types[existing] == PrincipalType.Unknown)
            {
                _types[existing] = type;
            }
            return existing;
        }
        var index = _ids.Count;
        _index[id] = index;
        var normal = ObjectIds.NormalizePrincipal(id);
        _exact[id] = index;
        _exact.TryAdd(normal, index);
        _ids.Add(normal);
        _names.Add(null);
        _types.Add(type);
        _memberOf.Add(new List<int>());
        _members.Add(new List<int>());
        return index;
    }

    public bool TryFind(string id, out int index) => _exact.TryGetValue(id, out index) || _index.TryGetValue(id, out index);

    /// <summary>Principals whose user principal name, app id or display name is <paramref name="name"/>.</summary>
    public IReadOnlyList<int> FindByName(string name) =>
        _byName.TryGetValue(name.Trim(), out var found) ? found : Array.Empty<int>();

    private void AddName(string? name, int index)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }
        if (!_byName.TryGetValue(name, out var list))
        {
            _byName[name] = list = new List<int>();
        }
        if (!list.Contains(index))
        {
            list.Add(index);
        }
    }

    public string IdOf(int index) => _ids[index];

    public string? NameOf(int index) => _names[index];

    public PrincipalType TypeOf(int index) => _types[index];

    /// <summary>The principal and every group it belongs to, directly or through nesting.</summary>
    public int[] Closure(int principal) => _closures.GetOrAdd(principal, Walk, _memberOf);

    /// <summary>Everyone inside a group, through nesting (the group itself excluded).</summary>
    public int[] TransitiveMembers(int group)
    {
        return _transitiveMembers.GetOrAdd(group, g => Walk(g, _members).Where(m => m != g).ToArray());
    }

    /// <summary>
    /// The group whose members the source does not hold that stands between <paramref name="holder"/> and a
    /// principal it could contain: the holder itself when it is a group the source does not list with its
    /// members (piped assignments list none; a snapshot may lack one), else the first such group nested in it;
    /// -1 when every group on the way is held, or the holder is not a group (by the type the source gives).
    /// </summary>
    public int UnheldMembership(int holder)
    {
        // Asked once per assignment, and a tenant gives a group many assignments while a group's members through
        // nesting can be thousands: each principal's answer is kept (issue #16: a million assignments).
        var known = _unheldMembership ??= Enumerable.Repeat(NotYetKnown, Count).ToArray();
        if (holder < known.Length && known[holder] != NotYetKnown)
        {
            return known[holder];
        }
        var group = FindUnheldMembership(holder);
        if (holder < known.Length)
        {
            known[holder] = group;
        }
        return group;
    }

    private const int NotYetKnown = -2;
    private int[]? _unheldMembership;

    private int FindUnheldMembership(int holder)
    {
        if (IsUnheldGroup(holder))
        {
            return holder;
        }
        foreach (var member in TransitiveMembers(holder))
        {
            if (IsUnheldGroup(member))
            {
                return member;
            }
        }
        return -1;
    }

    private bool IsUnheldGroup(int index) => _types[index] is PrincipalType.Group or PrincipalType.ForeignGroup && !_membershipHeld.Contains(index);

    private static int[] Walk(int start, List<List<int>> edges)
    {
        var seen = new HashSet<int> { start };
        var order = new List<int> { start };
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var next in edges[order[i]])
            {
                if (seen.Add(next))
                {
                    order.Add(next);
                }
            }
        }
        return order.ToArray();
    }
}
