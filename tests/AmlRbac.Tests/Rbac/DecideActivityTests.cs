using Xunit;

using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// DecideActivity, the outcome-only path the snapshot diff asks first, answers as CheckActivity does for every
/// principal of the sample tenant, every catalog activity and scopes of each level (an activity whose least scope is
/// the subscription or resource group is decided there, by both).
/// </summary>
public sealed class DecideActivityTests
{
    [Fact]
    public void The_outcome_alone_is_the_checked_outcome_everywhere_in_the_sample()
    {
        var evaluator = Contoso.Evaluator;
        var scopes = new[]
        {
            Contoso.DevWorkspace, Contoso.ProdWorkspace, "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod",
            Contoso.ProdWorkspace + "/computes/cpu-cluster",
        };
        var compared = 0;
        foreach (var principal in evaluator.Tenant.Principals.Select(p => p.Id))
        {
            foreach (var activity in evaluator.Catalog.Activities)
            {
                foreach (var scope in scopes)
                {
                    Assert.True(evaluator.CheckActivity(principal, activity, scope).Outcome == evaluator.DecideActivity(principal, activity, scope),
                        $"{principal} {activity.Name} at {scope}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 500, $"{compared} questions");
    }
}
