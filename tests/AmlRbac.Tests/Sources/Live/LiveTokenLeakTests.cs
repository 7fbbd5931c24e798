using System.Security;
using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.PowerShell.Live;
using AmlRbac.Questions;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Cli;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// A token never shows: everything a run captures (files written, progress, exception texts, CLI stdout
/// and stderr, every request and response the emulator logged) is scanned for the token strings, over
/// successful runs and every kind of failure.
/// </summary>
public sealed class LiveTokenLeakTests
{
    private static readonly Scope ContosoMl = Scope.ForManagementGroup("contoso-ml");

    [Fact]
    public async Task NoTokenInAnythingCapturedAcrossSuccessAndFailures()
    {
        var captured = new List<string>();
        var faults = new[]
        {
            (Fault?)null,
            Fault.ExpiredToken("/roleAssignments", Fault.Forever),
            Fault.ExpiredToken("/getByIds", Fault.Forever),
            Fault.Forbidden("/denyAssignments"),
            Fault.ServerError("/members", 503, Fault.Forever),
            Fault.ServerError("skipToken", 500, Fault.Forever),
            Fault.DropConnection("/roleDefinitions", Fault.Forever),
            Fault.BreakNextLink("/roleAssignments", BrokenLink.OtherHost),
            Fault.Throttle("/roleEligibilityScheduleInstances", TimeSpan.FromHours(2)),
        };
        foreach (var fault in faults)
        {
            await using var harness = await LiveHarness.StartAsync(pageSize: 2);
            if (fault is not null)
            {
                harness.Emulator.Faults.Add(fault);
            }
            var path = LiveFaultTests.TempPath();
            var progress = new SynchronousProgress(p => captured.Add(p.ToString()));
            try
            {
                await LiveExport.ExportAsync(harness.Collector, new[] { ContosoMl }, path, progress);
                captured.Add(File.ReadAllText(path));
                Assert.Null(fault);
            }
            catch (AmlRbacException error)
            {
                Assert.NotNull(fault);
                captured.Add(error.ToString());
                captured.Add(error.Target?.ToString() ?? "");
                Assert.DoesNotContain("skipToken", error.Message, StringComparison.OrdinalIgnoreCase);
            }
            finally
            {
                File.Delete(path);
            }
            try
            {
                await LiveQuery.CollectAsync(harness.Collector, new[] { Subject.PrincipalAt("nobody@contoso.com", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45") });
            }
            catch (AmlRbacException error)
            {
                captured.Add(error.ToString());
            }
            // The tokens were really sent: the scan below would be empty-handed otherwise.
            Assert.Contains(harness.Emulator.Requests, r => r.Authorized);
            captured.AddRange(harness.Emulator.Requests.Select(r => $"{r} {r.Body} {r.Status} {r.ResponseBody}"));
            captured.Add(harness.Collector.ToString() ?? "");

            // The CLI runs with real waits: a fault it would retry for half a minute is swapped for one that fails at once.
            harness.Emulator.Faults.Clear();
            if (fault is not null)
            {
                harness.Emulator.Faults.Add(Fault.ExpiredToken("/denyAssignments", Fault.Forever));
            }
            var cli = CliForHarness(harness, path);
            Assert.Equal(fault is null ? 0 : 3, cli.ExitCode);
            captured.Add(cli.ToString());
        }

        Assert.True(captured.Count > 50);
        foreach (var text in captured)
        {
            Assert.DoesNotContain(LiveHarness.ArmToken, text);
            Assert.DoesNotContain(LiveHarness.GraphToken, text);
            Assert.DoesNotContain("SECRET", text);
        }
    }

    [Fact]
    public async Task SecureStringTokensMakeTheHeaderAndNothingElse()
    {
        var source = new SecureTokenSource(Secure(LiveHarness.ArmToken), Secure(LiveHarness.GraphToken));
        Assert.Equal("Bearer " + LiveHarness.ArmToken, await source.GetAuthorizationAsync(AzureApi.ResourceManager, default));
        Assert.Equal("Bearer " + LiveHarness.GraphToken, await source.GetAuthorizationAsync(AzureApi.MicrosoftGraph, default));
        Assert.DoesNotContain("SECRET", source.ToString());

        var broken = new SecureTokenSource(Secure("abc SECRET\r\nX-Injected: 1"), null);
        var error = await Assert.ThrowsAsync<AmlRbacException>(() => broken.GetAuthorizationAsync(AzureApi.ResourceManager, default).AsTask());
        Assert.Equal(ErrorIds.LiveParameterInvalid, error.ErrorId);
        Assert.DoesNotContain("SECRET", error.ToString());

        var missing = await Assert.ThrowsAsync<AmlRbacException>(() => broken.GetAuthorizationAsync(AzureApi.MicrosoftGraph, default).AsTask());
        Assert.Equal(ErrorIds.ArmUnauthorized, missing.ErrorId);
    }

    [Fact]
    public async Task ATokenGivenAsAStringIsKeptAsASecureString()
    {
        var secure = SecureTokenSource.Protect(" " + LiveHarness.ArmToken + " ");
        Assert.True(secure.IsReadOnly());
        var source = new SecureTokenSource(secure, null);
        Assert.Equal("Bearer " + LiveHarness.ArmToken, await source.GetAuthorizationAsync(AzureApi.ResourceManager, default));
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }
        return secure;
    }

    private static CliResult CliForHarness(LiveHarness harness, string path)
    {
        var arm = "AMLRBAC_LEAK_ARM_" + Guid.NewGuid().ToString("N");
        var graph = "AMLRBAC_LEAK_GRAPH_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(arm, LiveHarness.ArmToken);
        Environment.SetEnvironmentVariable(graph, LiveHarness.GraphToken);
        try
        {
            var result = CliRunner.InProcess("export", "--scope", ContosoMl.Value, "--out", path, "--arm-url", harness.Emulator.BaseUrl.AbsoluteUri,
                "--access-token-env", arm, "--graph-access-token-env", graph);
            return result with { Out = result.Out + (File.Exists(path) ? File.ReadAllText(path) : "") };
        }
        finally
        {
            File.Delete(path);
            Environment.SetEnvironmentVariable(arm, null);
            Environment.SetEnvironmentVariable(graph, null);
        }
    }
}
