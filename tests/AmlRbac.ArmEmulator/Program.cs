using AmlRbac.ArmEmulator;
using AmlRbac.Sources;

// Standalone: `dotnet run --project tests/AmlRbac.ArmEmulator -- [snapshot.json] [port]` serves a snapshot
// (the Contoso sample without one) until Ctrl+C, for trying the CLI by hand against it.
var tenant = args.Length > 0 ? SnapshotReader.Read(args[0]) : SampleTenant.Load();
var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
// One token for both APIs: here ARM and Graph share a host, so a client asking for a token by resource
// URL (Get-AzAccessToken -ResourceUrl, DefaultAzureCredential) cannot tell them apart.
await using var emulator = await ArmEmulator.StartAsync(tenant, new EmulatorOptions { Port = port, ArmToken = "emulator-token", GraphToken = "emulator-token" });
Console.WriteLine($"ARM:   {emulator.BaseUrl}");
Console.WriteLine($"Graph: {emulator.GraphUrl}");
Console.WriteLine($"Tokens: ARM '{emulator.Options.ArmToken}', Graph '{emulator.Options.GraphToken}'. Ctrl+C stops.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
return 0;
