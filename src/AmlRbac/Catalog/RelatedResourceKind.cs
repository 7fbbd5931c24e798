using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// A kind of resource, other than the workspace, on which Azure checks an operation an activity needs: the virtual
/// network a compute joins, the AKS cluster attached, the key vault of a customer-managed key... The one list of
/// kinds (<see cref="All"/>): an activity's data names them, a question's related resource ids are matched to them by
/// their resource type (the provider and type segments of the id, whose format is
/// /subscriptions/{id}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{childType}/{childName}]:
/// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid).
/// </summary>
public sealed class RelatedResourceKind
{
    private RelatedResourceKind(string name, string displayName, string resourceType)
    {
        Name = name;
        DisplayName = displayName;
        ResourceType = resourceType;
    }

    /// <summary>The name the catalog's data uses (activities.json "checkedAt").</summary>
    public string Name { get; }

    /// <summary>In the user's words: "virtual network", "key vault".</summary>
    public string DisplayName { get; }

    /// <summary>The ARM resource type, provider first (Microsoft.Network/virtualNetworks/subnets).</summary>
    public string ResourceType { get; }

    // Resource types as "Resource types" of each provider's operations list (Azure permissions pages,
    // https://learn.microsoft.com/azure/role-based-access-control/permissions/networking, /containers, /security,
    // /storage, /identity, /monitor, /ai-machine-learning) name them.
    public static RelatedResourceKind VirtualNetwork { get; } = new("VirtualNetwork", "virtual network", "Microsoft.Network/virtualNetworks");
    public static RelatedResourceKind Subnet { get; } = new("Subnet", "subnet", "Microsoft.Network/virtualNetworks/subnets");
    public static RelatedResourceKind AksCluster { get; } = new("AksCluster", "AKS cluster", "Microsoft.ContainerService/managedClusters");
    public static RelatedResourceKind KeyVault { get; } = new("KeyVault", "key vault", "Microsoft.KeyVault/vaults");
    public static RelatedResourceKind StorageAccount { get; } = new("StorageAccount", "storage account", "Microsoft.Storage/storageAccounts");
    public static RelatedResourceKind ContainerRegistry { get; } = new("ContainerRegistry", "container registry", "Microsoft.ContainerRegistry/registries");
    public static RelatedResourceKind UserAssignedIdentity { get; } = new("UserAssignedIdentity", "user-assigned managed identity", "Microsoft.ManagedIdentity/userAssignedIdentities");
    public static RelatedResourceKind Registry { get; } = new("Registry", "Azure Machine Learning registry", "Microsoft.MachineLearningServices/registries");
    public static RelatedResourceKind ApplicationInsights { get; } = new("ApplicationInsights", "Application Insights component", "Microsoft.Insights/components");

    /// <summary>Every kind, in the order messages list them.</summary>
    public static IReadOnlyList<RelatedResourceKind> All { get; } = new[]
    {
        VirtualNetwork, Subnet, AksCluster, KeyVault, StorageAccount, ContainerRegistry, UserAssignedIdentity, Registry, ApplicationInsights,
    };

    /// <summary>A kind by its data name (case-insensitive), or null.</summary>
    public static RelatedResourceKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The kind of a resource id, from its provider and type segments (case-insensitive, as ARM compares them).
    /// Throws RelatedResourceInvalid for a malformed id, an id that is not a resource, or a resource of no known kind.
    /// </summary>
    public static RelatedResourceKind Of(string resourceId, out Scope scope)
    {
        if (!Scope.TryParse(resourceId, out var parsed, out var error))
        {
            throw Invalid(resourceId, $"it is not a resource id ({error.TrimEnd('.')})");
        }
        if (parsed.Level != ScopeLevel.Resource)
        {
            throw Invalid(resourceId, $"it names a {LevelText(parsed.Level)}, not a resource");
        }
        var type = TypeOf(parsed.Value);
        scope = parsed;
        return All.FirstOrDefault(k => string.Equals(k.ResourceType, type, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(resourceId, $"its type {type} is none of the kinds an activity is checked on");
    }

    // "{namespace}/{type}[/{childType}]": the provider after the last "providers" segment, then every second
    // segment after it (the names sit between the types).
    private static string TypeOf(string resourceId)
    {
        var segments = resourceId.Trim('/').Split('/');
        var providers = Array.FindLastIndex(segments, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        var types = new List<string> { segments[providers + 1] };
        for (var i = providers + 2; i < segments.Length; i += 2)
        {
            types.Add(segments[i]);
        }
        return string.Join('/', types);
    }

    private static string LevelText(ScopeLevel level) => level switch
    {
        ScopeLevel.ResourceGroup => "resource group",
        ScopeLevel.Subscription => "subscription",
        ScopeLevel.ManagementGroup => "management group",
        _ => "root scope",
    };

    private static AmlRbacException Invalid(string resourceId, string why) =>
        new(ErrorIds.RelatedResourceInvalid, FailureCategory.InvalidArgument,
            $"Related resource '{resourceId}' is not accepted: {why}. Give the resource id of one of: " +
            string.Join(", ", All.Select(k => $"{k.DisplayName} ({k.ResourceType})")) + ".", resourceId);

    public override string ToString() => Name;
}
