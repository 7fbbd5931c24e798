namespace AmlRbac.Model;

/// <summary>The kinds of Azure Machine Learning resource a recursive listing reaches.</summary>
public enum AmlResourceKind
{
    /// <summary>/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name} (REST API Workspaces - Get).</summary>
    Workspace,
    /// <summary>/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/registries/{name} (REST API Registries - Get).</summary>
    Registry,
    /// <summary>A workspace's compute, .../workspaces/{workspace}/computes/{name} (REST API Compute - Get).</summary>
    Compute,
}

/// <summary>
/// An Azure Machine Learning workspace, registry or compute by its resource id. The id shapes are those of the
/// Microsoft.MachineLearningServices REST API (Workspaces - Get, https://learn.microsoft.com/rest/api/azureml/workspaces/get;
/// Registries - Get, https://learn.microsoft.com/rest/api/azureml/registries/get; Compute - Get,
/// https://learn.microsoft.com/rest/api/azureml/compute/get).
/// </summary>
public sealed record AmlResource
{
    private const string Provider = "Microsoft.MachineLearningServices";

    private AmlResource(string id, AmlResourceKind kind, string name)
    {
        Id = id;
        Kind = kind;
        Name = name;
    }

    /// <summary>The resource id: the provider and resource types in their documented case, the names as the source gave them.</summary>
    public string Id { get; }
    public AmlResourceKind Kind { get; }
    /// <summary>The last segment of the id: the workspace's, registry's or compute's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The Azure ML resources a scope is or lies in, nearest first: for a compute (or anything inside it) the compute
    /// and then its workspace; for an endpoint of a workspace, the workspace; for any other scope, none.
    /// </summary>
    public static IReadOnlyList<AmlResource> Within(Scope scope)
    {
        var found = new List<AmlResource>(2);
        for (var current = scope; current is not null && current.Level == ScopeLevel.Resource; current = current.Parent)
        {
            if (Read(current.Value) is { } resource)
            {
                found.Add(resource);
            }
        }
        return found;
    }

    /// <summary>
    /// Whether an operation acts on this kind of resource. An operation is named {provider}/{resourceType}/{action}
    /// ([OPS] https://learn.microsoft.com/azure/role-based-access-control/permissions/): an Azure ML operation acts on a
    /// workspace when its type is workspaces (its computes included: creating one is done on the workspace), on a
    /// compute when it is workspaces/computes, on a registry when it is registries; an operation of another provider
    /// (Microsoft.Authorization/roleAssignments/write, a storage data action) may act on any resource.
    /// </summary>
    public bool IsTargetOf(string operation)
    {
        if (!operation.StartsWith(Provider + "/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var type = Kind switch
        {
            AmlResourceKind.Workspace => "/workspaces/",
            AmlResourceKind.Compute => "/workspaces/computes/",
            _ => "/registries/",
        };
        return operation.AsSpan(Provider.Length).StartsWith(type, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a set of operations (an activity's) is about this kind of resource: it has no Azure ML operation, or one
    /// of its Azure ML operations acts on it (<see cref="IsTargetOf"/>).
    /// </summary>
    public bool IsTargetOfAny(IEnumerable<string> operations)
    {
        var aml = operations.Where(o => o.StartsWith(Provider + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        return aml.Count == 0 || aml.Any(IsTargetOf);
    }

    // "", "subscriptions", sub, "resourceGroups", rg, "providers", provider, type, name [, "computes", name]. The id is
    // written as WorkspaceId writes a workspace's (the provider and types in their documented case), so the same
    // resource named in two casings is one resource.
    private static AmlResource? Read(string id)
    {
        var segments = id.Split('/');
        if ((segments.Length != 9 && segments.Length != 11)
            || !segments[3].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !segments[5].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || !segments[6].Equals(Provider, StringComparison.OrdinalIgnoreCase)
            || !Guid.TryParse(segments[2], out var subscription))
        {
            return null;
        }
        var parent = $"/subscriptions/{subscription:D}/resourceGroups/{segments[4]}/providers/{Provider}";
        var type = segments[7];
        if (segments.Length == 11)
        {
            return type.Equals("workspaces", StringComparison.OrdinalIgnoreCase) && segments[9].Equals("computes", StringComparison.OrdinalIgnoreCase)
                ? new AmlResource($"{parent}/workspaces/{segments[8]}/computes/{segments[10]}", AmlResourceKind.Compute, segments[10])
                : null;
        }
        return type.Equals("workspaces", StringComparison.OrdinalIgnoreCase) ? new AmlResource($"{parent}/workspaces/{segments[8]}", AmlResourceKind.Workspace, segments[8])
            : type.Equals("registries", StringComparison.OrdinalIgnoreCase) ? new AmlResource($"{parent}/registries/{segments[8]}", AmlResourceKind.Registry, segments[8])
            : null;
    }

    public override string ToString() => Id;
}

/// <summary>
/// The one list of the Azure ML resources a tenant's source names: the workspaces it listed, and the workspaces,
/// registries and computes that its role and deny assignments, policy assignments (and their not-scopes) and exemptions
/// are at or in. A source that lists more resources (a snapshot's resource sections) adds them here, and every
/// question that walks resources (the access report, recursive effective access, the estate) sees them.
/// </summary>
public static class AmlResources
{
    /// <summary>
    /// Every resource named, plus those <paramref name="asked"/> is or lies in, each once, by id. Scope texts are made
    /// distinct before they are parsed: a million assignments name far fewer scopes.
    /// </summary>
    public static IReadOnlyList<AmlResource> Named(Tenant tenant, Scope? asked = null)
    {
        var texts = new HashSet<string>(ScopeTextComparer.Instance);
        texts.UnionWith(tenant.Workspaces);
        texts.UnionWith(tenant.Resources.Computes?.Select(c => c.Id) ?? Enumerable.Empty<string>());
        foreach (var assignment in tenant.RoleAssignments)
        {
            texts.Add(assignment.Scope);
        }
        texts.UnionWith(tenant.DenyAssignments.Select(d => d.Scope));
        texts.UnionWith(tenant.Policy.Assignments.SelectMany(a => a.NotScopes.Prepend(a.Scope)).Select(s => s.Value));
        texts.UnionWith(tenant.Policy.Exemptions.Select(e => e.Scope.Value));
        var scopes = texts.Select(t => Scope.TryParse(t, out var scope, out _) ? scope : null).OfType<Scope>();
        if (asked is not null)
        {
            scopes = scopes.Append(asked);
        }
        return scopes
            .Where(s => s.Level == ScopeLevel.Resource)
            .SelectMany(AmlResource.Within)
            .DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
