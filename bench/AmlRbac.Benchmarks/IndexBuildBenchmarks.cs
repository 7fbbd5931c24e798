using BenchmarkDotNet.Attributes;

using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Benchmarks;

/// <summary>
/// Building the engine's indexes (scopes, principals and closures, compiled roles, assignments by
/// principal and scope, deny assignments) from 1,000,000 role assignments: target <= 5 s and
/// <= 2 GiB. The tenant is generated in the setup, outside the measurement; "Allocated" is what the
/// build allocates. Peak memory is measured by the "index-memory" mode of Program.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IndexBuildBenchmarks
{
    private Tenant _tenant = Tenant.Empty;

    [GlobalSetup]
    public void Setup() => _tenant = SyntheticTenants.Million.Tenant;

    [Benchmark]
    public AccessEvaluator BuildFromMillionAssignments() => new(_tenant);
}
