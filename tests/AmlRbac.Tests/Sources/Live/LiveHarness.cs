using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// An emulator serving a tenant, and the live client pointed at it with the emulator's tokens and a
/// <see cref="ManualClock"/>. Tokens are distinctive strings, so the leak scans can look for them.
/// </summary>
internal sealed class LiveHarness : IAsyncDisposable
{
    public const string ArmToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.arm-token-SECRET-7f3c";
    public const string GraphToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-token-SECRET-91ab";

    private LiveHarness(ArmEmulator.ArmEmulator emulator, ManualClock clock, LiveClientOptions options)
    {
        Emulator = emulator;
        Clock = clock;
        Options = options;
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Collector = LiveTenantCollector.Create(Http, new StaticTokenSource(ArmToken, GraphToken), options);
    }

    public ArmEmulator.ArmEmulator Emulator { get; }

    public ManualClock Clock { get; }

    public LiveClientOptions Options { get; }

    public HttpClient Http { get; }

    public LiveTenantCollector Collector { get; }

    public static async Task<LiveHarness> StartAsync(Tenant? tenant = null, int pageSize = 100, Func<LiveClientOptions, LiveClientOptions>? configure = null)
    {
        var emulator = await ArmEmulator.ArmEmulator.StartAsync(tenant ?? SampleTenant.Load(),
            new EmulatorOptions { ArmToken = ArmToken, GraphToken = GraphToken, PageSize = pageSize });
        var clock = new ManualClock();
        var options = new LiveClientOptions
        {
            Endpoints = new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl),
            Clock = clock,
            Delay = clock.Delay,
            Random = new Random(7),
        };
        return new LiveHarness(emulator, clock, configure?.Invoke(options) ?? options);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
