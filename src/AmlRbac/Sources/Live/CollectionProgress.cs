using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Where a live collection is: what it reads (<see cref="Step"/>, for example "role assignments"), at
/// which scope, which page, and how many HTTP requests (ARM and Graph, retries included) it has sent.
/// </summary>
public sealed record CollectionProgress(string Step, string? Scope, int Page, int Requests);
