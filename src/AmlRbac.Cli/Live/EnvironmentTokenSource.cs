using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.Cli.Live;

/// <summary>
/// --access-token-env NAME: the token is read from the environment variable for each request and kept
/// no longer, so it never lands on the command line (where ps would show it) or in a file. Messages
/// name the variable, never its value.
/// </summary>
internal sealed class EnvironmentTokenSource : IAccessTokenSource
{
    private readonly string _armVariable;
    private readonly string _graphVariable;

    public EnvironmentTokenSource(string armVariable, string? graphVariable)
    {
        _armVariable = armVariable;
        _graphVariable = graphVariable ?? armVariable;
    }

    public ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken)
    {
        var variable = api == AzureApi.ResourceManager ? _armVariable : _graphVariable;
        var token = Environment.GetEnvironmentVariable(variable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                $"The environment variable {variable} holds no access token (for {RestApiName(api)}).", variable);
        }
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                $"The environment variable {variable} holds spaces or line breaks; it must hold the token alone.", variable);
        }
        return ValueTask.FromResult("Bearer " + token);
    }

    private static string RestApiName(AzureApi api) => api == AzureApi.ResourceManager ? "Azure Resource Manager" : "Microsoft Graph";
}
