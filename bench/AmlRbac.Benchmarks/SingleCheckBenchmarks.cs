using System.Text.RegularExpressions;
using AmlRbac.Evaluation;
using AmlRbac.Model;
using AmlRbac.Sources;
using BenchmarkDotNet.Attributes;

namespace AmlRbac.Benchmarks;

/// <summary>
/// One warm check on the sample tenant: the engine's outcome-only path, the same check with reasons,
/// and a naive evaluator that scans every assignment and matches each pattern with a per-call regex,
/// as a script would (issue "The evaluator", performance targets).
/// </summary>
[MemoryDiagnoser]
public class SingleCheckBenchmarks
{
    private const string Alice = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8";
    private const string Action = "Microsoft.MachineLearningServices/workspaces/computes/write";
    private const string Workspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    private Tenant _tenant = Tenant.Empty;
    private AccessEvaluator _evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tenant = SampleTenant.Load();
        _evaluator = new AccessEvaluator(_tenant);
        _evaluator.Decide(Alice, Action, Workspace); // warm the scope and closure caches
    }

    [Benchmark(Baseline = true)]
    public Outcome Decide() => _evaluator.Decide(Alice, Action, Workspace);

    [Benchmark]
    public Decision CheckWithReasons() => _evaluator.Check(Alice, Action, Workspace);

    [Benchmark]
    public bool NaiveScan()
    {
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Alice };
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var group in _tenant.Groups)
            {
                if (!groups.Contains(group.Id) && group.Members.Any(groups.Contains))
                {
                    changed |= groups.Add(group.Id);
                }
            }
        }
        var granted = false;
        foreach (var assignment in _tenant.RoleAssignments)
        {
            if (assignment.IsEligible || !groups.Contains(assignment.PrincipalId)
                || !Workspace.StartsWith(assignment.Scope, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var role = _evaluator.FindRole(assignment.RoleDefinitionId);
            foreach (var block in role?.Permissions ?? Array.Empty<Permission>())
            {
                if (block.Actions.Any(p => Glob(p).IsMatch(Action)) && !block.NotActions.Any(p => Glob(p).IsMatch(Action)))
                {
                    granted = true;
                }
            }
        }
        return granted;
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("/\\*/", "/(.*/)?").Replace("\\*", ".*") + "$", RegexOptions.IgnoreCase);
}
