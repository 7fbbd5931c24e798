using Xunit;

using AmlRbac.PowerShell;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Sources.Live;

namespace AmlRbac.Tests.PowerShell;

/// <summary>Set-AmlWorkspaceIdentityRole's long runs: the Az token is fetched again every 20 minutes, between workspaces.</summary>
public sealed class RenewingTokenSourceTests
{
    [Fact]
    public async Task The_token_is_fetched_again_once_the_interval_has_passed_and_not_before()
    {
        var clock = new ManualClock();
        var fetches = 0;
        var source = new RenewingTokenSource(() => new StaticTokenSource($"token-{++fetches}"), clock);

        await clock.Delay(TimeSpan.FromMinutes(19), CancellationToken.None);
        source.RenewIfDue();
        var before = await source.GetAuthorizationAsync(AzureApi.ResourceManager, CancellationToken.None);
        await clock.Delay(TimeSpan.FromMinutes(1), CancellationToken.None);
        source.RenewIfDue();
        var after = await source.GetAuthorizationAsync(AzureApi.ResourceManager, CancellationToken.None);

        Assert.Equal("Bearer token-1", before);
        Assert.Equal("Bearer token-2", after);
        Assert.Equal(2, fetches);
        Assert.DoesNotContain("token", source.ToString().Replace("TokenSource", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
