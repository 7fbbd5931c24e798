using BenchmarkDotNet.Attributes;

using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Benchmarks;

/// <summary>
/// One warm check on the sample tenant: the engine's outcome-only path, the same check with reasons,
/// and the naive evaluator (<see cref="NaiveEvaluator"/>: every assignment scanned, a regex built per
/// pattern per call, as a script would) (issue "The evaluator", performance targets).
/// </summary>
[MemoryDiagnoser]
public class SingleCheckBenchmarks
{
    private const string Alice = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8";
    private const string Action = "Microsoft.MachineLearningServices/workspaces/computes/write";
    private const string Workspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private Tenant _tenant = Tenant.Empty;
    private AccessEvaluator _evaluator = null!;
    private NaiveEvaluator _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenant = SampleTenant.Load();
        _evaluator = new AccessEvaluator(_tenant);
        _naive = new NaiveEvaluator(_tenant, _evaluator.Catalog.BuiltInRoles);
        _evaluator.Decide(Alice, Action, Workspace); // warm the scope and closure caches
    }

    [Benchmark(Baseline = true)]
    public Outcome Decide() => _evaluator.Decide(Alice, Action, Workspace);

    [Benchmark]
    public Decision CheckWithReasons() => _evaluator.Check(Alice, Action, Workspace);

    [Benchmark]
    public Outcome NaiveScan() => _naive.Decide(Alice, Action, Workspace);
}
