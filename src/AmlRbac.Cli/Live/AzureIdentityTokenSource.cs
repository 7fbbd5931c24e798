using Azure.Core;
using Azure.Identity;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli.Live;

/// <summary>
/// Tokens from Azure.Identity's DefaultAzureCredential (environment, workload identity, managed identity,
/// Azure CLI, Azure PowerShell ...), asked for "{API host}/.default" of the endpoints in use, so sovereign
/// clouds get their own audience. Azure.Identity caches and refreshes them; each request gets a fresh copy.
/// </summary>
internal sealed class AzureIdentityTokenSource : IAccessTokenSource
{
    private readonly TokenCredential _credential;
    private readonly AzureEndpoints _endpoints;

    public AzureIdentityTokenSource(AzureEndpoints endpoints, TokenCredential? credential = null)
    {
        _endpoints = endpoints;
        _credential = credential ?? new DefaultAzureCredential();
    }

    public async ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken)
    {
        var scope = _endpoints.For(api).GetLeftPart(UriPartial.Authority) + "/.default";
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext(new[] { scope }), cancellationToken).ConfigureAwait(false);
            return "Bearer " + token.Token;
        }
        catch (AuthenticationFailedException e)
        {
            // Azure.Identity's messages list the credentials tried and why each failed; none holds a token.
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                $"No access token for {scope}: {e.Message} Sign in (az login, Connect-AzAccount) or pass --access-token-env NAME.", scope, e);
        }
    }
}
