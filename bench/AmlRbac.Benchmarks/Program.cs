using System.Diagnostics;
using BenchmarkDotNet.Running;

using AmlRbac.Benchmarks;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources.Live;
using AmlRbac.Synthetic;
// Runs the benchmarks named by --filter, e.g.
//   dotnet run -c Release --project bench/AmlRbac.Benchmarks -- --filter '*' --job short
// or, with "index-memory", builds the indexes from 1,000,000 assignments once and prints the memory
// the built engine holds and the process's peak working set (BenchmarkDotNet reports allocation only).
// With "write-snapshot N FILE", writes the synthetic tenant with N role assignments (the 2,000
// custom roles, 5,000 nested groups, 1,000 workspaces) as an ARM-shaped snapshot file, for Measure-Load.sh.
if (args.Length == 3 && args[0] == "write-snapshot")
{
    var options = SyntheticTenantOptions.Standard with { RoleAssignments = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
    var synthetic = SyntheticTenant.Generate(options);
    synthetic.WriteSnapshot(args[2]);
    Console.WriteLine($"{args[2]}: {synthetic.Tenant.RoleAssignments.Count:N0} role assignments, {new FileInfo(args[2]).Length / (1024.0 * 1024):F0} MiB");
    Console.WriteLine($"who:  user {synthetic.UserIds[0]}");
    Console.WriteLine($"workspace: {synthetic.WorkspaceScopes[0]}");
    return;
}
// With "load-stages FILE WORKSPACE", times one `who` on the file stage by stage beside the floor;
// "dom-stages FILE" splits the old whole-document reader's read and parse.
if (args.Length == 3 && args[0] == "load-stages")
{
    LoadStages.Run(args[1], args[2]);
    return;
}
if (args.Length == 2 && args[0] == "dom-stages")
{
    LoadStages.DomStages(args[1]);
    return;
}
// With "startup-stages", times the stages of one small question in this fresh process.
if (args.Length == 1 && args[0] == "startup-stages")
{
    StartupStages.Run();
    return;
}
if (args.Length == 1 && args[0] == "index-memory")
{
    var tenant = SyntheticTenants.Million.Tenant;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var evaluator = new AccessEvaluator(tenant);
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    GC.KeepAlive(evaluator);
    var warm = Stopwatch.StartNew();
    GC.KeepAlive(new AccessEvaluator(tenant));
    warm.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    const double MiB = 1024 * 1024;
    Console.WriteLine($"assignments:                   {tenant.RoleAssignments.Count:N0}");
    Console.WriteLine($"build time (one cold run):     {clock.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"build time (second run):       {warm.Elapsed.TotalSeconds:F2} s");
    Console.WriteLine($"allocated by the build:        {allocated / MiB:F0} MiB");
    Console.WriteLine($"held by the built engine:      {(after - before) / MiB:F0} MiB");
    Console.WriteLine($"managed heap with the tenant:  {after / MiB:F0} MiB");
    Console.WriteLine($"process peak working set:      {process.PeakWorkingSet64 / MiB:F0} MiB (tenant generation included)");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
