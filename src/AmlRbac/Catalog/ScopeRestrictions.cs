using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// Which operations Azure checks only at a subscription or at the tenant root. Azure checks an operation at the
/// scope of the request's URL ([OV] overview.md, "How Azure RBAC determines if a user has access to a resource"), so
/// an operation whose REST route has no resource group is checked at the subscription (or above) whatever scope a
/// question names. The rules below are the route shapes the REST references document; an operation none of them
/// names is checked where its resource is.
/// </summary>
public static class ScopeRestrictions
{
    private static readonly ScopeRestriction Register = new(ScopeLevel.Subscription,
        "registering a resource provider is done for a subscription: Providers_Register is POST " +
        "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register, and Providers_Unregister " +
        "the same with /unregister (https://learn.microsoft.com/rest/api/resources/providers/register)");

    private static readonly ScopeRestriction Locations = new(ScopeLevel.Subscription,
        "an operation under {provider}/locations/ (quotas, usages, per-region results) is addressed as " +
        "/subscriptions/{subscriptionId}/providers/{provider}/locations/{location}/..., with no resource group " +
        "(e.g. Usages_List of Azure Machine Learning, https://learn.microsoft.com/rest/api/azureml/usages/list); " +
        "quota is requested at the subscription (https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles, Common scenarios)");

    private static readonly ScopeRestriction NameAvailability = new(ScopeLevel.Subscription,
        "checking a name is done for a subscription: POST /subscriptions/{subscriptionId}/providers/{provider}/checkNameAvailability " +
        "(e.g. StorageAccounts_CheckNameAvailability, https://learn.microsoft.com/rest/api/storagerp/storage-accounts/check-name-availability)");

    private static readonly ScopeRestriction Features = new(ScopeLevel.Subscription,
        "preview features are read and registered per subscription: Features_Register is POST " +
        "/subscriptions/{subscriptionId}/providers/Microsoft.Features/providers/{resourceProviderNamespace}/features/{featureName}/register " +
        "(https://learn.microsoft.com/rest/api/resources/features/register), and the subscription feature registrations are under " +
        "/subscriptions/{subscriptionId}/providers/Microsoft.Features/featureProviders/ (https://learn.microsoft.com/rest/api/resources/subscription-feature-registrations)");

    private static readonly ScopeRestriction ElevateAccess = new(ScopeLevel.Root,
        "elevating access is a POST to /providers/Microsoft.Authorization/elevateAccess, which grants User Access " +
        "Administrator at the root scope '/' (https://learn.microsoft.com/azure/role-based-access-control/elevate-access-global-admin)");

    /// <summary>The restriction of an operation, or null when Azure checks it where its resource is.</summary>
    public static ScopeRestriction? For(string operation)
    {
        var segments = operation.Split('/');
        if (segments.Length < 3)
        {
            return null;
        }
        var provider = segments[0];
        var first = segments[1];
        // Every Microsoft.Features operation but the provider's list of operations (GET /providers/Microsoft.Features/operations).
        if (provider.Equals("Microsoft.Features", StringComparison.OrdinalIgnoreCase) && !Is(first, "operations"))
        {
            return Features;
        }
        if (segments.Length == 3 && segments[2].Equals("action", StringComparison.OrdinalIgnoreCase)
            && (Is(first, "register") || Is(first, "unregister")))
        {
            return Register;
        }
        if (provider.Equals("Microsoft.Authorization", StringComparison.OrdinalIgnoreCase) && Is(first, "elevateAccess"))
        {
            return ElevateAccess;
        }
        if (Is(first, "locations"))
        {
            return Locations;
        }
        return Is(first, "checkNameAvailability") ? NameAvailability : null;
    }

    private static bool Is(string segment, string name) => segment.Equals(name, StringComparison.OrdinalIgnoreCase);
}
