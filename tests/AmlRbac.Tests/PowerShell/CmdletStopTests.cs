using System.Security;
using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.PowerShell.Cmdlets;
using AmlRbac.Tests.WorkspaceIdentity;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// Ctrl+C: PowerShell calls StopProcessing, and the engine's work in hand stops at once. One base class
/// (StoppableCmdlet) holds the stop for every cmdlet that talks to Azure.
/// </summary>
public sealed class CmdletStopTests
{
    private static readonly string[] CmdletsThatTalkToAzure =
        { "Assert-AmlPermission", "Export-AmlAccessReport", "Export-AmlRbacSnapshot", "Get-AmlEffectiveAccess", "Set-AmlWorkspaceIdentityRole", "Test-AmlPermission", "Test-AmlWorkspacePosture" };

    public CmdletStopTests() => PowerShellStub.Load();

    [Fact]
    public async Task StopProcessing_cancels_the_request_the_engine_is_waiting_on()
    {
        await using var harness = await ConversionHarness.StartAsync();
        // The emulator holds the workspace's GET until the client gives up on it.
        harness.Emulator.Faults.Add(Fault.Slow("/workspaces/" + ConversionHarness.Name(0), TimeSpan.FromMinutes(5)));
        using var cmdlet = new SetAmlWorkspaceIdentityRoleCommand
        {
            SubscriptionId = ConversionHarness.Subscription,
            ResourceGroupName = "rg-ml",
            Name = ConversionHarness.Name(0),
            ArmUrl = harness.Emulator.BaseUrl,
            AccessToken = Secure(ConversionHarness.Token),
        };
        PowerShellStub.Call(cmdlet, "BeginProcessing");
        var record = Task.Run(() => PowerShellStub.Call(cmdlet, "ProcessRecord"));
        await Until(() => harness.Emulator.Faults.Hits == 1);

        PowerShellStub.Call(cmdlet, "StopProcessing");

        await record.WaitAsync(TimeSpan.FromSeconds(20));
        // Status 0: the emulator saw the client abort the request, so the engine's request had the token.
        await Until(() => harness.Emulator.Requests.Count == 1);
        Assert.Equal(0, Assert.Single(harness.Emulator.Requests).Status);
    }

    [Fact]
    public void The_cmdlets_that_talk_to_Azure_stop_through_one_base_class()
    {
        var stoppable = ModuleFiles.CmdletAssembly.GetType("AmlRbac.PowerShell.StoppableCmdlet", throwOnError: true)!;

        var declaring = ModuleFiles.CmdletAssembly.GetTypes()
            .Where(t => t.GetMethod("StopProcessing", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly) is not null)
            .Select(t => t.Name);
        var stopped = ModuleFiles.CmdletTypes.Where(stoppable.IsAssignableFrom).Select(ModuleFiles.CommandName);

        Assert.Equal(new[] { "StoppableCmdlet" }, declaring);
        Assert.Equal(CmdletsThatTalkToAzure, stopped.Order(StringComparer.Ordinal));
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

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
