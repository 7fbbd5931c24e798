using System.Security;
using AmlRbac.Model;
using AmlRbac.PowerShell;
using AmlRbac.Sources.Live;
using Xunit;

namespace AmlRbac.Tests.WorkspaceIdentity;

/// <summary>The cmdlet's token source: both shapes of Get-AzAccessToken's Token, and no token in any text.</summary>
public sealed class SecureTokenSourceTests
{
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secure-token-SECRET-0c4a";

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }
        return secure;
    }

    [Fact]
    public async Task A_SecureString_token_and_a_string_token_give_the_same_header()
    {
        var fromSecure = await SecureTokenSource.From(Secure(Token)).GetAuthorizationAsync(AzureApi.ResourceManager, CancellationToken.None);
        var fromString = await SecureTokenSource.From(Token).GetAuthorizationAsync(AzureApi.ResourceManager, CancellationToken.None);

        Assert.Equal("Bearer " + Token, fromSecure);
        Assert.Equal(fromSecure, fromString);
    }

    [Fact]
    public async Task A_renewed_token_is_used_from_the_next_request_on()
    {
        var source = new SecureTokenSource(Secure("first"));

        source.Renew(new SecureTokenSource(Secure("second")));

        Assert.Equal("Bearer second", await source.GetAuthorizationAsync(AzureApi.ResourceManager, CancellationToken.None));
    }

    [Fact]
    public void No_token_and_no_Graph_token_fail_as_ArmUnauthorized_without_the_token_in_the_text()
    {
        var missing = Assert.Throws<AmlRbacException>(() => SecureTokenSource.From(new object()));
        var source = SecureTokenSource.From(Token);
        var graph = Assert.Throws<AmlRbacException>(() => source.GetAuthorizationAsync(AzureApi.MicrosoftGraph, CancellationToken.None).AsTask().GetAwaiter().GetResult());

        Assert.Equal(ErrorIds.ArmUnauthorized, missing.ErrorId);
        Assert.Equal(ErrorIds.ArmUnauthorized, graph.ErrorId);
        Assert.DoesNotContain(Token, source.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, graph.ToString(), StringComparison.Ordinal);
    }
}
