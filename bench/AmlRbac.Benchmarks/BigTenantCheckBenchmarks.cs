using BenchmarkDotNet.Attributes;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Synthetic;

namespace AmlRbac.Benchmarks;

/// <summary>
/// One warm check on the synthetic tenant (100,000 assignments): the engine's outcome-only path
/// (target: median <= 0.5 us, nothing allocated), the same check with reasons, and the naive
/// evaluator (target: the engine >= 100x faster). The user asked about sits in a group nested five
/// levels deep; the compute is one where they hold nothing directly, so every path is walked.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BigTenantCheckBenchmarks
{
    private AccessEvaluator _evaluator = null!;
    private NaiveEvaluator _naive = null!;
    private string _user = "";
    private string _scope = "";

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticTenants.Standard;
        _evaluator = new AccessEvaluator(synthetic.Tenant);
        _naive = new NaiveEvaluator(synthetic.Tenant, AmlCatalog.Default.BuiltInRoles);
        _user = synthetic.UserIds[0];
        _scope = synthetic.ComputeScopes[0];
        _evaluator.Decide(_user, SyntheticTenants.ComputeWrite, _scope); // warm the scope and closure caches
    }

    [Benchmark(Baseline = true)]
    public Outcome Decide() => _evaluator.Decide(_user, SyntheticTenants.ComputeWrite, _scope);

    [Benchmark]
    public Decision CheckWithReasons() => _evaluator.Check(_user, SyntheticTenants.ComputeWrite, _scope);

    [Benchmark]
    public Outcome NaiveDecide() => _naive.Decide(_user, SyntheticTenants.ComputeWrite, _scope);
}
