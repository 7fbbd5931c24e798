namespace AmlRbac.Questions;

/// <summary>Where the tenant a host answers from came from.</summary>
public enum TenantOrigin
{
    /// <summary>A snapshot file the user named.</summary>
    Snapshot,
    /// <summary>Az objects the user piped in (Get-AzRoleAssignment, Get-AzRoleDefinition, Get-AzDenyAssignment output).</summary>
    Pipeline,
    /// <summary>The built-in sample tenant, because the user asked for it (--sample, -Sample).</summary>
    Sample,
    /// <summary>No tenant: no source was given and the question is about a role alone, which the catalog answers.</summary>
    CatalogOnly,
    /// <summary>Read from live Azure (ARM and Microsoft Graph) for the scopes asked about.</summary>
    Live,
}
