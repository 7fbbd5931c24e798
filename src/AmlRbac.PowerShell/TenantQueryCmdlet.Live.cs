using System.Management.Automation;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell;

/// <summary>
/// -Live: the query cmdlets answer from live Azure. Principals may then be named by UPN, group or service
/// principal display name or appId (looked up in Microsoft Graph); each scope asked about is read once.
/// </summary>
public abstract partial class TenantQueryCmdlet<TAnswer>
{
    /// <summary>Answer from live Azure (ARM and Microsoft Graph), with the Az context's tokens unless -AccessToken is given.</summary>
    [Parameter]
    public SwitchParameter Live { get; set; }

    /// <summary>Whether the question reads the workspaces' resources (the posture rules do), which -Live then collects too.</summary>
    protected virtual bool LiveReadsResources => false;

    private AccessEvaluator OpenLive()
    {
        var subjects = _subjects.ToList();
        var result = RunLive((collector, progress, cancel) => LiveQuery.CollectAsync(collector, subjects, progress, cancel, LiveReadsResources));
        _subjects.Clear();
        _subjects.AddRange(result.Subjects);
        WriteVerbose($"Read live Azure for {subjects.Count} subject(s) in {result.Requests} requests.");
        WriteVerbose(TenantSummary.Describe(result.Tenant));
        return new AccessEvaluator(TenantChoice.Live(result.Tenant).Tenant);
    }

    // The parameters only live Azure uses, as the user typed them, for TenantChoice's one-source rule.
    private IReadOnlyCollection<string> LiveOnlyParametersGiven() => new (string Name, bool Given)[]
        {
            (nameof(AccessToken), AccessToken is not null),
            (nameof(GraphAccessToken), GraphAccessToken is not null),
            (nameof(ArmUrl), ArmUrl is not null),
            (nameof(GraphUrl), GraphUrl is not null),
            (nameof(MaxRequestsPerSecond), GivenMaxRequestsPerSecond is not null),
        }.Where(p => p.Given).Select(p => "-" + p.Name).ToList();
}
