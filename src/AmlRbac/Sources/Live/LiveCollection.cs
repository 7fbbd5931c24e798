using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// What a live collection read: the <see cref="Model.Tenant"/> the evaluator answers from, the Azure ML
/// workspaces under the scopes asked (which a snapshot does not hold), and the number of HTTP requests it took.
/// </summary>
public sealed record LiveCollection(Tenant Tenant, IReadOnlyList<Workspace> Workspaces, int Requests);
