using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Cli;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Cli;
using AmlRbac.Tests.Sources.Live;

namespace AmlRbac.Tests.Cli;

/// <summary>amlrbac export and --live against the emulator, tokens from environment variables.</summary>
public sealed class LiveCliTests
{
    private const string Workspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
    private const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";

    // Each test has its own variables: tests run in parallel in one process.
    private readonly string _armVariable = "AMLRBAC_TEST_ARM_" + Guid.NewGuid().ToString("N");
    private readonly string _graphVariable = "AMLRBAC_TEST_GRAPH_" + Guid.NewGuid().ToString("N");

    public LiveCliTests()
    {
        Environment.SetEnvironmentVariable(_armVariable, LiveHarness.ArmToken);
        Environment.SetEnvironmentVariable(_graphVariable, LiveHarness.GraphToken);
    }

    [Fact]
    public async Task ExportWritesTheServedTenantInItsOwnProcess()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 4);
        var path = LiveFaultTests.TempPath();
        try
        {
            var result = CliRunner.InProcesses(new[] { Export(harness, path, "/providers/Microsoft.Management/managementGroups/contoso-ml") }).Single();
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            Assert.StartsWith("Wrote " + path, result.Out);
            // The sample's registry restriction at contoso-ml and its report-only copy on the dev subscription; the falcon-pilot exemption.
            Assert.Contains("2 policy assignments, 1 policy exemptions;", result.Out, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Error);
            Assert.Equal(LiveTenantComparison.Canonical(SampleTenant.Load()), LiveTenantComparison.Canonical(SnapshotReader.Read(path)));

            // The written snapshot answers as the served tenant does, through the CLI too.
            var fromSnapshot = CliRunner.InProcess("test", "--principal", "alice@contoso.com", "--scope", Workspace, "--action", ComputeWrite, "--snapshot", path, "--format", "json");
            var fromSample = CliRunner.InProcess("test", "--sample", "--principal", "alice@contoso.com", "--scope", Workspace, "--action", ComputeWrite, "--format", "json");
            Assert.Equal(fromSample.ExitCode, fromSnapshot.ExitCode);
            Assert.Equal(fromSample.Out, fromSnapshot.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("alice@contoso.com")]
    [InlineData("ml-data-scientists")]
    [InlineData("1613e9bb-5784-4d47-9033-0c7737529281")]
    public async Task TestLiveAnswersAsTheSnapshotDoes(string principal)
    {
        await using var harness = await LiveHarness.StartAsync();
        var live = CliRunner.InProcess(LiveArgs(harness, "test", "--principal", principal, "--scope", Workspace, "--action", ComputeWrite, "--format", "json"));
        var offline = CliRunner.InProcess("test", "--sample", "--principal", principal, "--scope", Workspace, "--action", ComputeWrite, "--format", "json");
        Assert.Equal(offline.ExitCode, live.ExitCode);
        Assert.Equal(offline.Out, live.Out);
        Assert.Equal(string.Empty, live.Error);
    }

    [Fact]
    public async Task AccessAndWhoLiveAnswerAsTheSnapshotDoes()
    {
        await using var harness = await LiveHarness.StartAsync();
        var access = CliRunner.InProcess(LiveArgs(harness, "access", "--principal", "bob@contoso.com", "--scope", Workspace, "--format", "json"));
        Assert.Equal(CliRunner.InProcess("access", "--sample", "--principal", "bob@contoso.com", "--scope", Workspace, "--format", "json").Out, access.Out);
        var who = CliRunner.InProcess(LiveArgs(harness, "who", "--action", ComputeWrite, "--scope", Workspace, "--format", "json"));
        Assert.Equal(CliRunner.InProcess("who", "--sample", "--action", ComputeWrite, "--scope", Workspace, "--format", "json").Out, who.Out);
        Assert.Equal(0, who.ExitCode);
    }

    [Theory]
    [InlineData("test", "--activity", "DeployModel")]
    [InlineData("access", "--by", "model")]
    public async Task ModelDeploymentQuestionsLiveAnswerWithPolicyAsTheSnapshotDoes(string command, string option, string value)
    {
        const string Prod = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";
        const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";
        const string Phi = "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/15";
        await using var harness = await LiveHarness.StartAsync();
        var models = command == "test" ? new[] { "--model", Falcon } : new[] { "--model", Falcon, "--model", Phi };
        var question = new[] { "--principal", "alice@contoso.com", "--scope", Prod, option, value }.Concat(models).Concat(new[] { "--format", "json" }).ToArray();

        var live = CliRunner.InProcess(LiveArgs(harness, command, question));
        var offline = CliRunner.InProcess(new[] { command, "--sample" }.Concat(question).ToArray());

        Assert.Equal(string.Empty, live.Error);
        Assert.Equal(offline.ExitCode, live.ExitCode);
        Assert.Equal(offline.Out, live.Out);
        // Falcon is denied by the management group's policy assignment, which only the policy routes serve.
        Assert.Contains("restrict-model-registry", live.Out, StringComparison.Ordinal);
        Assert.Contains(harness.Emulator.Requests, r => r.Path.EndsWith("/policyAssignments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportWritesThePolicySections()
    {
        await using var harness = await LiveHarness.StartAsync();
        var path = LiveFaultTests.TempPath();
        try
        {
            var result = CliRunner.InProcess(Export(harness, path, "/providers/Microsoft.Management/managementGroups/contoso-ml"));
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            var policy = SnapshotReader.Read(path).Policy;
            Assert.Equal(SampleTenant.Load().Policy.Assignments.Select(a => a.Id).Order(), policy.Assignments.Select(a => a.Id).Order());
            Assert.Equal("falcon-pilot", Assert.Single(policy.Exemptions).Name);
            Assert.Equal("19539b54-c61e-4196-9a38-67598701be90", Assert.Single(policy.Definitions).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Issue 13 section 4: a management group's policy lists hold only what is at it and above ([SPEC-PA]), so the
    // export must read the subscription's own assignment for the model question from the file to be denied by it.
    [Fact]
    public async Task ExportAtAManagementGroupThenTestModelFromTheFileIsDeniedByASubscriptionAssignment()
    {
        const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";
        const string SubscriptionAssignment = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report";
        var tenant = SampleTenant.Load();
        // The sample's report-only copy on the dev subscription, enforced: the group's own assignment leaves rg-ml-dev out
        // (notScopes), so in mlw-dev only the subscription's assignment can deny falcon.
        var enforced = tenant with
        {
            Policy = tenant.Policy with
            {
                Assignments = tenant.Policy.Assignments.Select(a => a.Id == SubscriptionAssignment ? a with { EnforcementMode = EnforcementMode.Default } : a).ToList(),
            },
        };
        await using var harness = await LiveHarness.StartAsync(enforced);
        var path = LiveFaultTests.TempPath();
        try
        {
            var export = CliRunner.InProcess(Export(harness, path, "/providers/Microsoft.Management/managementGroups/contoso-ml"));
            Assert.True(export.ExitCode == ExitCodes.Success, export.ToString());

            var answer = CliRunner.InProcess("test", "--snapshot", path, "--principal", "alice@contoso.com", "--scope", Workspace,
                "--activity", "DeployModel", "--model", Falcon, "--format", "json");

            Assert.NotEqual(ExitCodes.Success, answer.ExitCode);
            Assert.Contains("\"Denied\"", answer.Out, StringComparison.Ordinal);
            Assert.Contains(SubscriptionAssignment, answer.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AFailedExportExitsThreeWithOneLineAndNoFile()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.ExpiredToken("/denyAssignments", Fault.Forever));
        var path = LiveFaultTests.TempPath();
        var result = CliRunner.InProcess(Export(harness, path, "/subscriptions/099041be-6a92-430e-9f47-32340e216c45"));
        Assert.Equal(ExitCodes.AzureFailed, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amlrbac: Azure Resource Manager answered 401 to GET /subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/denyAssignments", line);
        Assert.False(File.Exists(path));
        Assert.DoesNotContain(LiveHarness.ArmToken, result.ToString());
    }

    [Fact]
    public async Task ExportOfASubscriptionNotInTheTenantExitsThreeNamingTheRequestAndNoFile()
    {
        const string Unknown = "5f3c1a2e-0000-4e5d-9c8b-7a6f5e4d3c2b";
        await using var harness = await LiveHarness.StartAsync();
        var path = LiveFaultTests.TempPath();
        var result = CliRunner.InProcess(Export(harness, path, "/subscriptions/" + Unknown));
        Assert.Equal(ExitCodes.AzureFailed, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amlrbac: Azure Resource Manager answered 404 to GET /subscriptions/" + Unknown + "/providers/", line);
        Assert.Contains($"SubscriptionNotFound: The subscription '{Unknown}' could not be found. Check that the scope exists", line);
        Assert.Contains("x-ms-correlation-request-id ", line);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ProgressGoesToStderrOnlyWhenItIsATerminal()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);
        var path = LiveFaultTests.TempPath();
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = AmlRbacCommand.Run(Export(harness, path, "/subscriptions/099041be-6a92-430e-9f47-32340e216c45"),
                new Terminal(output, error, 100) { ErrorIsTerminal = true });
            Assert.Equal(ExitCodes.Success, exit);
            Assert.Contains("\rreading role assignments at /subscriptions/099041be-6a92-430e-9f47-32340e216c45, page 2", error.ToString());
            Assert.EndsWith("\r", error.ToString());
            Assert.DoesNotContain("reading", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CtrlCStopsAnExportWithExit130AndNoFile()
    {
        await using var harness = await LiveHarness.StartAsync();
        harness.Emulator.Faults.Add(Fault.Slow("/roleAssignments", TimeSpan.FromSeconds(30), Fault.Forever));
        var path = LiveFaultTests.TempPath();
        var error = new StringWriter();
        // Program cancels this token on Ctrl+C; here a timer stands in for the key press.
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var exit = AmlRbacCommand.Run(Export(harness, path, "/subscriptions/099041be-6a92-430e-9f47-32340e216c45"), new Terminal(new StringWriter(), error, 100), ctrlC.Token);

        Assert.Equal(ExitCodes.Stopped, exit);
        Assert.Equal("amlrbac: Stopped; nothing was written.", error.ToString().Trim());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task MaxRequestsPerSecondPacesTheRequests()
    {
        await using var harness = await LiveHarness.StartAsync();
        var path = LiveFaultTests.TempPath();
        try
        {
            var args = Export(harness, path, "/providers/Microsoft.Management/managementGroups/contoso-ml").Concat(new[] { "--max-requests-per-second", "4" }).ToArray();
            var started = DateTimeOffset.UtcNow;
            var result = CliRunner.InProcess(args);
            Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
            // The default pace (8 a second after a burst of 16) would send these at once. At 4 a second the last
            // of n requests cannot arrive sooner than about (n - burst) / 4 s after the run began: an arrival is
            // never earlier than its sending, so this bound holds whatever the machine's load (one taken from two
            // arrivals would not: the first may be late). Two requests of slack leave the burst's exact edge to
            // the pacer's own tests (LiveFaultTests, on a manual clock); this test shows the option reaches it.
            var arm = harness.Emulator.Requests.Where(r => !r.IsGraph).Select(r => r.ReceivedAt).Order().ToList();
            Assert.True(arm.Count > 8, $"only {arm.Count} requests");
            var span = arm[^1] - started;
            Assert.True(span.TotalSeconds >= (arm.Count - 6) / 4.0, $"{arm.Count} requests, the last {span.TotalSeconds} s after the start");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("NaN")]
    public async Task ANonPositiveMaxRequestsPerSecondIsBadInputNamingIt(string value)
    {
        await using var harness = await LiveHarness.StartAsync();
        var path = LiveFaultTests.TempPath();
        var result = CliRunner.InProcess(Export(harness, path, "/subscriptions/099041be-6a92-430e-9f47-32340e216c45").Concat(new[] { "--max-requests-per-second", value }).ToArray());
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--max-requests-per-second must be a positive number", line);
        Assert.Empty(harness.Emulator.Requests);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void WorkspaceIdentityTakesMaxRequestsPerSecond()
    {
        // Checked before any request: the option reaches the same live client options as export's.
        var result = CliRunner.InProcess("workspace-identity", "--resource-id", Workspace, "--what-if", "--arm-url", "http://127.0.0.1:1/",
            "--access-token-env", _armVariable, "--max-requests-per-second", "0");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--max-requests-per-second must be a positive number", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("export", "--scope", "/subscriptions/not a scope", "--out", "x.json")]
    [InlineData("test", "--live", "--snapshot", "x.json", "--principal", "a", "--scope", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "--action", "Microsoft.MachineLearningServices/workspaces/read")]
    [InlineData("test", "--arm-url", "http://127.0.0.1:1/", "--principal", "a", "--scope", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "--action", "Microsoft.MachineLearningServices/workspaces/read")]
    [InlineData("test", "--max-requests-per-second", "2", "--principal", "a", "--scope", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "--action", "Microsoft.MachineLearningServices/workspaces/read")]
    [InlineData("export", "--scope", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "--out", "x.json", "--arm-url", "ftp://host/")]
    public void BadLiveInputIsExitTwoWithOneLine(params string[] args)
    {
        var result = CliRunner.InProcess(args);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.False(File.Exists("x.json"));
    }

    [Theory]
    [InlineData("/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod")]
    [InlineData(Workspace)]
    public async Task PostureLiveAnswersAsTheSampleDoes(string workspace)
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 2);

        var live = CliRunner.InProcess(LiveArgs(harness, "posture", "--scope", workspace, "--format", "json"));
        var sample = CliRunner.InProcess("posture", "--sample", "--scope", workspace, "--format", "json");

        Assert.Equal(sample.ExitCode, live.ExitCode);
        Assert.Equal(Workspaces(sample), Workspaces(live));
        // The rules read what the live collection listed: none of them Unknown for want of a list.
        Assert.DoesNotContain(harness.Emulator.Requests, r => r.Status != 200);
        Assert.Contains(harness.Emulator.Requests, r => r.Path == workspace + "/computes");
    }

    [Fact]
    public async Task AnExportAnswersThePostureAsTheSampleDoes()
    {
        await using var harness = await LiveHarness.StartAsync();
        var path = LiveFaultTests.TempPath();
        try
        {
            var export = CliRunner.InProcess(Export(harness, path, "/providers/Microsoft.Management/managementGroups/contoso-ml"));
            Assert.True(export.ExitCode == ExitCodes.Success, export.ToString());

            var fromSnapshot = CliRunner.InProcess("posture", "--snapshot", path, "--scope", Workspace, "--format", "json");
            var fromSample = CliRunner.InProcess("posture", "--sample", "--scope", Workspace, "--format", "json");
            Assert.Equal(fromSample.ExitCode, fromSnapshot.ExitCode);
            Assert.Equal(Workspaces(fromSample), Workspaces(fromSnapshot));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The posture report's workspaces and rules; its "source" names where the tenant was read.
    private static string Workspaces(CliResult result) =>
        System.Text.Json.JsonDocument.Parse(result.Out).RootElement.GetProperty("workspaces").GetRawText();

    private string[] Export(LiveHarness harness, string path, string scope) =>
        LiveArgs(harness, "export", "--scope", scope, "--out", path);

    private string[] LiveArgs(LiveHarness harness, string command, params string[] rest)
    {
        var args = new List<string> { command };
        if (command != "export")
        {
            args.Add("--live");
        }
        args.AddRange(new[] { "--arm-url", harness.Emulator.BaseUrl.AbsoluteUri, "--access-token-env", _armVariable, "--graph-access-token-env", _graphVariable });
        args.AddRange(rest);
        return args.ToArray();
    }
}
