using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.PowerShell;

/// <summary>
/// -Live: the query cmdlets answer from live Azure. Principals may then be named by UPN, group or service
/// principal display name or appId (looked up in Microsoft Graph); each scope asked about is read once.
/// </summary>
public abstract partial class TenantQueryCmdlet
{
    /// <summary>Answer from live Azure (ARM and Microsoft Graph), with the Az context's tokens unless -AccessToken is given.</summary>
    [Parameter]
    public SwitchParameter Live { get; set; }

    private AccessEvaluator OpenLive()
    {
        var objectsGiven = MyInvocation.ExpectingInput || _position > 0;
        TenantChoice.CheckLiveAlone(SnapshotPaths(), objectsGiven ? _piped : null);
        var subjects = _subjects.ToList();
        var result = RunLive((collector, progress, cancel) => LiveQuery.CollectAsync(collector, subjects, progress, cancel));
        _subjects.Clear();
        _subjects.AddRange(result.Subjects);
        WriteVerbose($"Read live Azure for {subjects.Count} subject(s) in {result.Requests} requests.");
        return new AccessEvaluator(TenantChoice.Live(result.Tenant, null, null).Tenant);
    }

    private void RejectLiveParameters()
    {
        var name = AccessToken is not null ? nameof(AccessToken)
            : GraphAccessToken is not null ? nameof(GraphAccessToken)
            : ArmUrl is not null ? nameof(ArmUrl)
            : GraphUrl is not null ? nameof(GraphUrl)
            : GivenMaxRequestsPerSecond is not null ? nameof(MaxRequestsPerSecond)
            : null;
        if (name is not null)
        {
            throw new AmlRbacException(ErrorIds.LiveParameterInvalid, FailureCategory.InvalidArgument, $"-{name} goes with -Live: add -Live to read live Azure.", name);
        }
    }
}
