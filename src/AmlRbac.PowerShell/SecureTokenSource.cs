using System.Runtime.InteropServices;
using System.Security;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell;

/// <summary>
/// An ARM token kept as a SecureString (-AccessToken, or Get-AzAccessToken's Token: a SecureString since
/// Az.Accounts 5.0, a string before, notes.md (c)). It is read into a string only to build the header of
/// one request, and that string is dropped with the request. A token from the Az context expires (about an
/// hour); the cmdlet renews it between workspaces with <see cref="Renew"/>. ToString never shows it.
/// </summary>
internal sealed class SecureTokenSource : IAccessTokenSource
{
    private SecureString _token;

    public SecureTokenSource(SecureString token) => _token = ReadOnlyCopy(token);

    /// <summary>Replaces the token (a renewed one from Get-AzAccessToken); requests already sent keep theirs.</summary>
    public void Renew(SecureTokenSource renewed) => Interlocked.Exchange(ref _token, renewed._token);

    private static SecureString ReadOnlyCopy(SecureString token)
    {
        var copy = token.Copy();
        copy.MakeReadOnly();
        return copy;
    }

    /// <summary>Az.Accounts before 5.0 hands the token over as a string: it is copied into a SecureString at once.</summary>
    public static SecureTokenSource From(object token)
    {
        switch (token)
        {
            case SecureString secure:
                return new SecureTokenSource(secure);
            case string text when text.Length > 0:
                using (var secure = new SecureString())
                {
                    foreach (var c in text)
                    {
                        secure.AppendChar(c);
                    }
                    return new SecureTokenSource(secure);
                }
            default:
                throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
                    "Get-AzAccessToken gave no token; run Connect-AzAccount (Connect-AzAccount -Identity in a runbook), or pass -AccessToken.");
        }
    }

    public ValueTask<string> GetAuthorizationAsync(AzureApi api, CancellationToken cancellationToken)
    {
        if (api != AzureApi.ResourceManager)
        {
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError, "The token given is for Azure Resource Manager only.");
        }
        var secure = Volatile.Read(ref _token);
        if (secure.Length == 0)
        {
            throw new AmlRbacException(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError, "The access token is empty.", "AccessToken");
        }
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            var token = Marshal.PtrToStringUni(pointer, secure.Length).Trim();
            return ValueTask.FromResult(token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token : "Bearer " + token);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public override string ToString() => "SecureTokenSource(Resource Manager)";
}
