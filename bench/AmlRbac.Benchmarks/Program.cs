using BenchmarkDotNet.Running;

// Runs the benchmarks named by --filter, e.g.
//   dotnet run -c Release --project bench/AmlRbac.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
