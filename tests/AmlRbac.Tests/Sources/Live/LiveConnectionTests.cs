using Xunit;

using AmlRbac.ArmEmulator;
using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>The one live connection every host opens: pace checked before any sign-in, the host's tokens, endpoints and Ctrl+C.</summary>
public sealed class LiveConnectionTests
{
    private const string DevSubscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";

    [Fact]
    public void A_bad_pace_fails_before_the_host_is_asked_for_a_token()
    {
        var asked = false;

        var error = Assert.Throws<AmlRbacException>(() => LiveConnection.Open(AzureEndpoints.PublicCloud, 0, "--max-requests-per-second", _ =>
        {
            asked = true;
            return new StaticTokenSource("token");
        }, CancellationToken.None));

        Assert.Equal(ErrorIds.LiveParameterInvalid, error.ErrorId);
        Assert.StartsWith("--max-requests-per-second must be a positive number", error.Message);
        Assert.False(asked);
    }

    [Fact]
    public async Task Its_collector_reads_the_endpoints_with_the_hosts_token_at_the_users_pace()
    {
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(SampleTenant.Load(),
            new EmulatorOptions { ArmToken = LiveHarness.ArmToken, GraphToken = LiveHarness.GraphToken });
        var endpoints = new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl);
        AzureEndpoints? givenToTokens = null;

        using var connection = LiveConnection.Open(endpoints, 50, "-MaxRequestsPerSecond", e =>
        {
            givenToTokens = e;
            return new StaticTokenSource(LiveHarness.ArmToken, LiveHarness.GraphToken);
        }, CancellationToken.None);
        var collection = await connection.Collector.CollectAsync(new[] { Scope.Parse(DevSubscription) }, null, connection.Cancellation);

        Assert.Equal(endpoints, givenToTokens);
        Assert.Equal((endpoints, 50.0, 16), (connection.Options.Endpoints, connection.Options.RequestsPerSecond, connection.Options.Burst));
        Assert.NotEmpty(collection.Tenant.RoleAssignments);
        Assert.Equal(collection.Requests, emulator.Requests.Count);
    }

    [Fact]
    public async Task The_hosts_stop_signal_stops_its_work()
    {
        await using var emulator = await ArmEmulator.ArmEmulator.StartAsync(SampleTenant.Load(),
            new EmulatorOptions { ArmToken = LiveHarness.ArmToken, GraphToken = LiveHarness.GraphToken });
        using var stop = new CancellationTokenSource();
        using var connection = LiveConnection.Open(new AzureEndpoints(emulator.BaseUrl, emulator.GraphUrl), null, "--max-requests-per-second",
            _ => new StaticTokenSource(LiveHarness.ArmToken, LiveHarness.GraphToken), stop.Token);

        stop.Cancel();

        Assert.True(connection.Cancellation.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            connection.Workspaces.GetWorkspaceAsync(WorkspaceId.Parse(DevSubscription + "/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev"), connection.Cancellation));
        Assert.Empty(emulator.Requests);
    }
}
