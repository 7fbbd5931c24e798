using AmlRbac.Synthetic;

namespace AmlRbac.Benchmarks;

/// <summary>The synthetic tenants, generated once per benchmark process (generation is not measured).</summary>
internal static class SyntheticTenants
{
    private static readonly Lazy<SyntheticTenant> StandardTenant = new(() => SyntheticTenant.Generate(SyntheticTenantOptions.Standard));
    private static readonly Lazy<SyntheticTenant> MillionTenant = new(() => SyntheticTenant.Generate(SyntheticTenantOptions.Million));

    /// <summary>100,000 assignments, 2,000 custom roles, 5,000 groups, 1,000 workspaces.</summary>
    public static SyntheticTenant Standard => StandardTenant.Value;

    /// <summary>The same with 1,000,000 assignments.</summary>
    public static SyntheticTenant Million => MillionTenant.Value;

    /// <summary>The operation the single-check, effective-access and who-can benchmarks ask about.</summary>
    public const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
}
