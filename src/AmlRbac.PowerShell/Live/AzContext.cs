using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using AmlRbac.Model;
using AmlRbac.Sources.Live;

namespace AmlRbac.PowerShell.Live;

/// <summary>
/// What the user's Az context gives, asked through the cmdlet's own session (so a runbook that ran
/// Connect-AzAccount -Identity just works, and Pester can mock the commands): the cloud's ARM and Graph
/// URLs (Get-AzContext's Environment.ResourceManagerUrl and ExtendedProperties['MicrosoftGraphUrl']), the
/// subscription (Get-AzContext's Subscription.Id) and tokens (Get-AzAccessToken -ResourceUrl, Az.Accounts).
/// Runs on the pipeline thread only.
/// </summary>
internal static class AzContext
{
    private const string EndpointsScript =
        "$context = Get-AzContext -ErrorAction Stop; if ($context) { $context.Environment.ResourceManagerUrl; $context.Environment.ExtendedProperties['MicrosoftGraphUrl'] }";

    private const string SubscriptionScript = "$context = Get-AzContext -ErrorAction Stop; if ($context) { $context.Subscription.Id }";

    private const string TokenScript = "param($ResourceUrl) Get-AzAccessToken -ResourceUrl $ResourceUrl -ErrorAction Stop";

    /// <summary>The endpoints: the parameters when given, else the Az context's cloud, else the public cloud.</summary>
    public static AzureEndpoints Endpoints(PSCmdlet cmdlet, Uri? armUrl, Uri? graphUrl)
    {
        if (armUrl is not null)
        {
            return Checked(() => AzureEndpoints.ForResourceManager(armUrl, graphUrl));
        }
        string? contextArm = null, contextGraph = null;
        try
        {
            var values = cmdlet.InvokeCommand.InvokeScript(EndpointsScript).Select(v => v?.BaseObject?.ToString()).ToList();
            contextArm = values.ElementAtOrDefault(0);
            contextGraph = values.ElementAtOrDefault(1);
        }
        catch (RuntimeException)
        {
            // No Az.Accounts, or no context: the public cloud.
        }
        var arm = Uri.TryCreate(contextArm, UriKind.Absolute, out var a) ? a : AzureEndpoints.PublicCloud.ResourceManager;
        var graph = graphUrl ?? (Uri.TryCreate(contextGraph, UriKind.Absolute, out var g) ? new Uri(g.AbsoluteUri.TrimEnd('/') + "/v1.0/") : null);
        return Checked(() => AzureEndpoints.ForResourceManager(arm, graph));
    }

    /// <summary>The Az context's subscription id, or null when there is no Az.Accounts or no context.</summary>
    public static string? SubscriptionId(PSCmdlet cmdlet)
    {
        try
        {
            return cmdlet.InvokeCommand.InvokeScript(SubscriptionScript).FirstOrDefault()?.BaseObject?.ToString();
        }
        catch (RuntimeException)
        {
            // No Az.Accounts, or no context.
            return null;
        }
    }

    /// <summary>
    /// The tokens: -AccessToken / -GraphAccessToken when given, else Get-AzAccessToken for each API. A
    /// token Az cannot give becomes an error raised when that API is first called.
    /// </summary>
    public static SecureTokenSource Tokens(PSCmdlet cmdlet, AzureEndpoints endpoints, SecureString? armToken, SecureString? graphToken)
    {
        AmlRbacException? armFailure = null, graphFailure = null;
        armToken ??= Fetch(cmdlet, endpoints.ResourceManager.AbsoluteUri, out armFailure);
        graphToken ??= Fetch(cmdlet, endpoints.MicrosoftGraph.GetLeftPart(UriPartial.Authority) + "/", out graphFailure);
        return new SecureTokenSource(armToken, graphToken) { ResourceManagerFailure = armFailure, GraphFailure = graphFailure };
    }

    private static SecureString? Fetch(PSCmdlet cmdlet, string resourceUrl, out AmlRbacException? failure)
    {
        failure = null;
        try
        {
            var result = cmdlet.InvokeCommand.InvokeScript(TokenScript, true, PipelineResultTypes.None, null, resourceUrl);
            var token = result.FirstOrDefault()?.Properties["Token"]?.Value;
            switch (token is PSObject wrapped ? wrapped.BaseObject : token)
            {
                case SecureString secure:
                    return secure;
                case string text when text.Length > 0:
                    return SecureTokenSource.Protect(text);
            }
            failure = Failure(resourceUrl, "it returned no Token.");
        }
        catch (RuntimeException e)
        {
            failure = Failure(resourceUrl, e.Message);
        }
        return null;
    }

    private static AmlRbacException Failure(string resourceUrl, string problem) =>
        new(ErrorIds.ArmUnauthorized, FailureCategory.AuthenticationError,
            $"No access token for {resourceUrl} from the Az context (Get-AzAccessToken -ResourceUrl {resourceUrl}): {problem.TrimEnd('.')}. " +
            "Run Connect-AzAccount (Connect-AzAccount -Identity in a runbook), or pass -AccessToken.", resourceUrl);

    private static AzureEndpoints Checked(Func<AzureEndpoints> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw new AmlRbacException(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument, e.Message, e.ParamName);
        }
    }
}
