namespace AmlRbac.Sources.Live;

/// <summary>The two APIs the live source calls; each needs a token issued for it.</summary>
public enum AzureApi
{
    /// <summary>Azure Resource Manager (role assignments, definitions, deny assignments, workspaces).</summary>
    ResourceManager,
    /// <summary>Microsoft Graph (group members, principal names).</summary>
    MicrosoftGraph,
}

/// <summary>
/// Gives the Authorization header value ("Bearer ...") for one request, asked just before the request is
/// sent and used only for it. A host can therefore keep the token as Az.Accounts hands it over (a
/// SecureString since Az.Accounts 5.0, a string before: [AZPS-TOKEN]) or let
/// Azure.Identity refresh it, and the engine never holds it longer than one request.
/// </summary>
public interface IAccessTokenSource
{
    /// <summary>
    /// The header value for a request to <paramref name="api"/>. Throw <see cref="Model.AmlRbacException"/>
    /// with <see cref="Model.ErrorIds.ArmUnauthorized"/> when no token can be had; never put the token in a message.
    /// </summary>
    ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken);
}
