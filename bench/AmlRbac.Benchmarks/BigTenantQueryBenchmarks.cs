using BenchmarkDotNet.Attributes;

using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Benchmarks;

/// <summary>
/// The wide queries on the synthetic tenant (100,000 assignments): effective access of one principal
/// over every catalog operation at a workspace (target <= 2 ms) and who-can for one operation at a
/// workspace over the whole tenant (target <= 50 ms), for compute write (few roles grant it) and for
/// workspace read (most roles do).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BigTenantQueryBenchmarks
{
    private AccessEvaluator _evaluator = null!;
    private string _user = "";
    private string _workspace = "";

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticTenants.Standard;
        _evaluator = new AccessEvaluator(synthetic.Tenant);
        _user = synthetic.UserIds[0];
        _workspace = synthetic.WorkspaceScopes[0];
        _evaluator.Decide(_user, SyntheticTenants.ComputeWrite, _workspace);
    }

    [Benchmark]
    public IReadOnlyList<Decision> EffectiveAccess() => _evaluator.EffectiveAccess(_user, _workspace);

    [Benchmark]
    public IReadOnlyList<AccessHolder> WhoCan() => _evaluator.WhoCan(SyntheticTenants.ComputeWrite, _workspace);

    /// <summary>Who-can for an operation that many roles grant ("*/read" and its kin): many holders, large groups expanded.</summary>
    [Benchmark]
    public IReadOnlyList<AccessHolder> WhoCanReadWorkspace() => _evaluator.WhoCan(WorkspaceRead, _workspace);

    private const string WorkspaceRead = "Microsoft.MachineLearningServices/workspaces/read";
}
