using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Authoring;

/// <summary>
/// What two roles grant over the catalog, each alone: the operations one grants and the other does not.
/// The "no new access" proof: a custom role built to match AzureML Data Scientist must have nothing in
/// <see cref="OnlyInRole"/>. Decided by <see cref="AccessEvaluator.RoleAccess"/>; an operation counts as
/// granted when the role allows it, with or without a condition.
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
    /// <summary>How many catalog operations were compared.</summary>
    public int Compared { get; init; }

    /// <summary>True when the role grants nothing the reference does not.</summary>
    public bool GrantsNoMore => OnlyInRole.Count == 0;

    /// <summary>True when both grant exactly the same catalog operations.</summary>
    public bool Same => OnlyInRole.Count == 0 && OnlyInReference.Count == 0;

    public static RoleComparison Compare(AccessEvaluator evaluator, RoleDefinition role, RoleDefinition reference)
    {
        var granted = Granted(evaluator, role);
        var referenceGranted = Granted(evaluator, reference);
        var onlyInRole = new List<string>();
        var onlyInReference = new List<string>();
        var inBoth = 0;
        for (var i = 0; i < granted.Length; i++)
        {
            var operation = evaluator.Catalog.Operations[i].Name;
            switch (granted[i], referenceGranted[i])
            {
                case (true, false): onlyInRole.Add(operation); break;
                case (false, true): onlyInReference.Add(operation); break;
                case (true, true): inBoth++; break;
            }
        }
        return new RoleComparison
        {
            RoleName = role.Name,
            ReferenceName = reference.Name,
            OnlyInRole = onlyInRole,
            OnlyInReference = onlyInReference,
            InBoth = inBoth,
            Compared = granted.Length,
        };
    }

    /// <summary>Per catalog operation (by index), whether the role alone grants it.</summary>
    public static bool[] Granted(AccessEvaluator evaluator, RoleDefinition role) =>
        evaluator.RoleAccess(role).Select(d => d.Outcome is Outcome.Allowed or Outcome.Conditional).ToArray();
}
