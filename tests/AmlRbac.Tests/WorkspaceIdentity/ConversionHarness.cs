using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Sources.Live;
using AmlRbac.WorkspaceIdentity;

namespace AmlRbac.Tests.WorkspaceIdentity;

/// <summary>
/// The emulator serving workspaces created before 2024-11-19 (system-assigned identity with Contributor on
/// resource group rg-ml), and the converter over the live ARM client pointed at it.
/// </summary>
internal sealed class ConversionHarness : IAsyncDisposable
{
    public const string Subscription = "00000000-0000-0000-0000-0000000000aa";
    public const string ResourceGroup = "/subscriptions/" + Subscription + "/resourceGroups/rg-ml";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string Administrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94";
    public const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.workspace-token-SECRET-5d1e";

    private ConversionHarness(ArmEmulator.ArmEmulator emulator, int count)
    {
        Emulator = emulator;
        Count = count;
        Clock = new ManualClock();
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Arm = new ArmClient(Http, new StaticTokenSource(Token), new LiveClientOptions
        {
            Endpoints = new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl),
            Clock = Clock,
            Delay = Clock.Delay,
            Random = new Random(7),
            RequestsPerSecond = 1000,
            Burst = 1000,
        });
    }

    public ArmEmulator.ArmEmulator Emulator { get; }
    public int Count { get; }
    public ManualClock Clock { get; }
    public HttpClient Http { get; }
    public ArmClient Arm { get; }

    /// <summary>Requests that change something (the PATCH, PUT and DELETE), in order.</summary>
    public IReadOnlyList<RecordedRequest> Writes => Emulator.Requests.Where(r => r.Method != "GET").ToList();

    public static string Name(int index) => $"ws-{index:D2}";

    public static string Identity(int index) => $"0000{index:D4}-aaaa-4bbb-8ccc-000000000001";

    public static WorkspaceId Workspace(int index) => WorkspaceId.From(Subscription, "rg-ml", Name(index));

    /// <summary><paramref name="count"/> workspaces ws-00… whose identities hold Contributor on rg-ml.</summary>
    public static async Task<ConversionHarness> StartAsync(int count = 1, Func<int, EmulatedWorkspace, EmulatedWorkspace>? shape = null)
    {
        var workspaces = Enumerable.Range(0, count)
            .Select(i => new EmulatedWorkspace { Id = Workspace(i).Id, PrincipalId = Identity(i) })
            .Select((w, i) => shape?.Invoke(i, w) ?? w)
            .ToList();
        var tenant = new Tenant
        {
            RoleAssignments = workspaces.Where(w => w.PrincipalId is not null).Select(w => new RoleAssignment
            {
                Id = $"{ResourceGroup}/providers/Microsoft.Authorization/roleAssignments/{Guid.NewGuid():D}",
                RoleDefinitionId = Contributor,
                PrincipalId = w.PrincipalId!,
                PrincipalType = PrincipalType.ServicePrincipal,
                Scope = ResourceGroup,
            }).ToList(),
        };
        var emulator = await ArmEmulator.ArmEmulator.StartAsync(tenant, new EmulatorOptions { ArmToken = Token, Workspaces = workspaces, PageSize = 2 });
        return new ConversionHarness(emulator, count);
    }

    public WorkspaceIdentityConverter Converter(ConversionOptions? options = null, Func<TimeSpan, CancellationToken, Task>? delay = null) =>
        new(new ArmWorkspaceGateway(Arm), (options ?? new ConversionOptions()) with
        {
            Clock = Clock,
            Delay = delay ?? Clock.Delay,
            PollInterval = TimeSpan.FromSeconds(10),
        });

    /// <summary>The roles (GUIDs) the identity holds on rg-ml in the emulator's store now.</summary>
    public IReadOnlyList<string> RolesOf(string principalId) =>
        Emulator.Store.ToTenant().RoleAssignments
            .Where(a => a.PrincipalId == principalId && string.Equals(a.Scope, ResourceGroup, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.RoleDefinitionId)
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
