using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// What a live collection read: the <see cref="Model.Tenant"/> the evaluator answers from, the Azure ML
/// workspaces under the scopes asked (which a snapshot does not hold), and the number of HTTP requests it took.
/// An export's tenant holds no role assignments (they went to the file as they arrived): <see cref="Counts"/> counts them.
/// </summary>
public sealed record LiveCollection(Tenant Tenant, IReadOnlyList<Workspace> Workspaces, int Requests)
{
    /// <summary>How many of each kind of object were read, role assignments included.</summary>
    public TenantCounts Counts { get; init; } = TenantCounts.Of(Tenant);
}
