namespace AmlRbac.Catalog;

/// <summary>
/// A resource provider operation (an action or a data action) as Azure lists it on the permissions pages
/// (https://learn.microsoft.com/azure/role-based-access-control/permissions/ai-machine-learning and the other pages
/// of that folder; one table per provider, control actions first, then data actions). A name may be listed twice,
/// once of each kind (Microsoft.KeyVault/vaults/keys/read): Azure evaluates Actions and DataActions apart ([RD]).
/// </summary>
public sealed record Operation(string Name, bool IsDataAction, string Description)
{
    public const string Control = "control";
    public const string Data = "data";

    /// <summary>The resource provider namespace ("Microsoft.MachineLearningServices").</summary>
    public string Provider => Name.Split('/')[0];

    /// <summary>"control" or "data", as the catalog files and the JSON listing write it.</summary>
    public string Kind => IsDataAction ? Data : Control;

    /// <summary>Where Azure lists the operation: its provider's page and commit, or the built-in roles that name it when no page does.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>
    /// Set when Azure checks the operation only at a subscription or at the tenant root, never at a resource group or
    /// a resource, with the rule that says so (<see cref="ScopeRestrictions"/>); null for an operation checked wherever
    /// its resource is.
    /// </summary>
    public ScopeRestriction? CheckedOnlyAt { get; init; }
}
