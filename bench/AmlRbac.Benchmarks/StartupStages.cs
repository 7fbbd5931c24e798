using System.Diagnostics;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Benchmarks;

/// <summary>
/// Where a small question's time goes in a fresh process (issue #16): the question
/// `amlrbac test --role Reader --action Microsoft.MachineLearningServices/workspaces/read`, stage by stage, cold
/// (each stage's first run, JIT included, as a real run pays it). Run with "startup-stages" as the only work of
/// a new process; the process start itself is the time from the process's start to this method.
/// </summary>
internal static class StartupStages
{
    private const string Action = "Microsoft.MachineLearningServices/workspaces/read";

    public static void Run()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{"process start to Main (runtime, host, assemblies)",-52} {(DateTime.Now - process.StartTime).TotalSeconds,7:F3} s");
        Stage("catalog: built-in roles (embedded zip, JSON)", () => AmlCatalog.Default.BuiltInRoles.Count);
        Stage("catalog: operations (embedded zip, TSV)", () => AmlCatalog.Default.Operations.Count);
        var evaluator = Stage("evaluator (no tenant)", () => new AccessEvaluator(Tenant.Empty));
        var answer = Stage("answer (the role's decision, reasons)", () =>
            new PermissionQuestion(evaluator, new[] { Action }, null).AnswerFor(Subject.ForRoleName("Reader")).Single());
        Stage("output (text)", () => AnswerText.Render(new[] { answer }, 120).Length);
    }

    private static T Stage<T>(string name, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        Console.WriteLine($"{name,-52} {clock.Elapsed.TotalSeconds,7:F3} s");
        return result;
    }
}
