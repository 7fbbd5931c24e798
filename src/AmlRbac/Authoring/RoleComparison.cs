using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>
/// What two roles grant, each alone, over every catalog operation of the providers they name: the operations one
/// grants and the other does not. The "no new access" proof: a custom role built to match AzureML Data Scientist must
/// have nothing in <see cref="OnlyInRole"/>. Decided by <see cref="AccessEvaluator.GrantedOperations"/>; an operation
/// counts as granted when the role allows it, with or without a condition. A role with a wildcard over providers
/// ("*", "*/read") names every provider, so Contributor is compared over the whole catalog.
/// </summary>
public sealed record RoleComparison
{
    public required string RoleName { get; init; }
    public required string ReferenceName { get; init; }
    /// <summary>Catalog operations the role grants and the reference does not.</summary>
    public required IReadOnlyList<string> OnlyInRole { get; init; }
    /// <summary>Catalog operations the reference grants and the role does not.</summary>
    public required IReadOnlyList<string> OnlyInReference { get; init; }
    /// <summary>How many catalog operations both grant.</summary>
    public int InBoth { get; init; }
    /// <summary>How many catalog operations were compared: those of the providers either role names.</summary>
    public int Compared { get; init; }

    /// <summary>True when the role grants nothing the reference does not.</summary>
    public bool GrantsNoMore => OnlyInRole.Count == 0;

    /// <summary>True when both grant exactly the same catalog operations.</summary>
    public bool Same => OnlyInRole.Count == 0 && OnlyInReference.Count == 0;

    public static RoleComparison Compare(AccessEvaluator evaluator, RoleDefinition role, RoleDefinition reference)
    {
        var operations = evaluator.Catalog.Operations;
        var granted = evaluator.GrantedOperations(role).ToHashSet();
        var referenceGranted = evaluator.GrantedOperations(reference).ToHashSet();
        var onlyInRole = granted.Except(referenceGranted).Order().Select(i => operations[i].Name).ToList();
        var onlyInReference = referenceGranted.Except(granted).Order().Select(i => operations[i].Name).ToList();
        return new RoleComparison
        {
            RoleName = role.Name,
            ReferenceName = reference.Name,
            OnlyInRole = onlyInRole,
            OnlyInReference = onlyInReference,
            InBoth = granted.Intersect(referenceGranted).Count(),
            Compared = ComparedCount(evaluator, role, reference),
        };
    }

    // The catalog operations of the providers the two roles' Actions and DataActions name: no other operation can be
    // granted by either, so the comparison covers them all.
    private static int ComparedCount(AccessEvaluator evaluator, params RoleDefinition[] roles)
    {
        var providers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in roles.SelectMany(r => r.Permissions).SelectMany(p => p.Actions.Concat(p.DataActions)))
        {
            if (new ActionPattern(entry).Provider is not { } provider)
            {
                return evaluator.Catalog.Operations.Count;
            }
            providers.Add(provider);
        }
        return providers.Sum(p => evaluator.Catalog.OperationIndexesOf(p).Count);
    }
}
