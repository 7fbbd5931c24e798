using AmlRbac.Model;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Tokens given up front as strings (programs that embed the engine, and tests; the hosts keep theirs in a
/// SecureString or an environment variable until each request). There is no refresh: when ARM answers 401 the
/// token has expired and the user fetches a new one. <see cref="ToString"/> never shows a token.
/// </summary>
public sealed class StaticTokenSource : IAccessTokenSource
{
    private readonly string _resourceManager;
    private readonly string? _graph;

    /// <param name="resourceManagerToken">A bearer token for Azure Resource Manager (without "Bearer ").</param>
    /// <param name="graphToken">A bearer token for Microsoft Graph; without it, requests that need Graph fail with <see cref="ErrorIds.ArmUnauthorized"/>.</param>
    public StaticTokenSource(string resourceManagerToken, string? graphToken = null)
    {
        _resourceManager = Checked(resourceManagerToken, nameof(resourceManagerToken));
        _graph = graphToken is null ? null : Checked(graphToken, nameof(graphToken));
    }

    public ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken)
    {
        var token = api == AzureApi.ResourceManager ? _resourceManager : _graph;
        return token is null
            ? throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                "No access token for Microsoft Graph was given; group members and principal names come from Graph " +
                "(Get-AzAccessToken -ResourceTypeName MSGraph).")
            : ValueTask.FromResult("Bearer " + token);
    }

    public override string ToString() => _graph is null ? "StaticTokenSource(Resource Manager)" : "StaticTokenSource(Resource Manager, Microsoft Graph)";

    // A token goes into a header as is: a line break would let it add headers of its own. The message
    // names the parameter, never the value.
    private static string Checked(string token, string parameter)
    {
        var trimmed = token?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new ArgumentException("The access token is empty.", parameter);
        }
        if (trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[7..].Trim();
        }
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("The access token holds spaces or line breaks; pass the token alone.", parameter);
        }
        return trimmed;
    }
}
