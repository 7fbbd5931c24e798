using System.Runtime.InteropServices;
using System.Security;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell.Live;

/// <summary>
/// Tokens kept as SecureStrings (-AccessToken, or Get-AzAccessToken's Token: a SecureString since
/// Az.Accounts 5.0, a string before, converted at once; [AZPS-TOKEN]). The header value is made for one
/// request and dropped with it; the unmanaged and char copies are zeroed. A token Az could not give
/// (<see cref="ResourceManagerFailure"/>, <see cref="GraphFailure"/>) fails the first request that needs it, so a collection that never
/// calls Graph never needs a Graph token.
/// </summary>
internal sealed class SecureTokenSource : IAccessTokenSource
{
    private const string Bearer = "Bearer ";

    private readonly SecureString? _resourceManager;
    private readonly SecureString? _graph;

    public SecureTokenSource(SecureString? resourceManager, SecureString? graph)
    {
        _resourceManager = resourceManager;
        _graph = graph;
    }

    /// <summary>Why a token could not be had from the Az context, per API; thrown when the token is needed.</summary>
    public AmlRbacException? ResourceManagerFailure { get; init; }

    public AmlRbacException? GraphFailure { get; init; }

    public ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken)
    {
        var (token, failure) = api == AzureApi.ResourceManager ? (_resourceManager, ResourceManagerFailure) : (_graph, GraphFailure);
        if (token is null)
        {
            throw failure ?? new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                $"No access token for {(api == AzureApi.ResourceManager ? "Azure Resource Manager" : "Microsoft Graph")}.");
        }
        return ValueTask.FromResult(Header(token, api));
    }

    public override string ToString() => nameof(SecureTokenSource);

    /// <summary>A SecureString copy of a token given as a string (Az.Accounts before 5.0).</summary>
    public static SecureString Protect(string token)
    {
        var secure = new SecureString();
        foreach (var c in token.Trim())
        {
            secure.AppendChar(c);
        }
        secure.MakeReadOnly();
        return secure;
    }

    private static string Header(SecureString token, AzureApi api)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(token);
        var chars = new char[Bearer.Length + token.Length];
        try
        {
            Bearer.CopyTo(0, chars, 0, Bearer.Length);
            Marshal.Copy(pointer, chars, Bearer.Length, token.Length);
            // A line break in a header would add headers of its own; the message never shows the value.
            if (token.Length == 0 || chars.Skip(Bearer.Length).Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new AmlRbacException(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument,
                    $"The access token for {(api == AzureApi.ResourceManager ? "Azure Resource Manager" : "Microsoft Graph")} is empty or holds spaces or line breaks; pass the token alone.");
            }
            return new string(chars);
        }
        finally
        {
            Array.Clear(chars);
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
