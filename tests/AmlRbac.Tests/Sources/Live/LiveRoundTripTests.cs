using Xunit;

using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Cases;

namespace AmlRbac.Tests.Sources.Live;

/// <summary>
/// An exported snapshot answers as the served tenant does: every Contoso case of the corpus, and every
/// principal's effective access at every scope the tenant names, compared as the JSON contract writes them.
/// </summary>
public sealed class LiveRoundTripTests
{
    [Fact]
    public async Task TheExportedSnapshotAnswersEveryQuestionAsTheServedTenant()
    {
        await using var harness = await LiveHarness.StartAsync(pageSize: 3);
        var path = LiveFaultTests.TempPath();
        try
        {
            await LiveExport.ExportAsync(harness.Collector, new[] { Scope.ForManagementGroup("contoso") }, path);
            var served = new AccessEvaluator(SampleTenant.Load());
            var exported = new AccessEvaluator(SnapshotReader.Read(path));

            var cases = CaseCorpus.Cases.Values.Where(c => c.Snapshot == "contoso").ToList();
            Assert.NotEmpty(cases);
            foreach (var corpusCase in cases)
            {
                Assert.Equal(DecisionJson.Serialize(corpusCase.Ask(served)), DecisionJson.Serialize(corpusCase.Ask(exported)));
            }

            var tenant = SampleTenant.Load();
            var scopes = tenant.RoleAssignments.Select(a => a.Scope).Concat(tenant.DenyAssignments.Select(d => d.Scope)).Distinct().ToList();
            var principals = tenant.Principals.Select(p => p.Id).Concat(tenant.Groups.Select(g => g.Id)).ToList();
            var compared = 0;
            foreach (var scope in scopes)
            {
                foreach (var principal in principals)
                {
                    Assert.Equal(
                        string.Join("\n", served.EffectiveAccess(principal, scope).Select(DecisionJson.Serialize)),
                        string.Join("\n", exported.EffectiveAccess(principal, scope).Select(DecisionJson.Serialize)));
                    compared++;
                }
                Assert.Equal(
                    string.Join("\n", served.WhoCan("Microsoft.MachineLearningServices/workspaces/computes/write", scope).Select(h => h.PrincipalId + h.DisplayName + DecisionJson.Serialize(h.Decision))),
                    string.Join("\n", exported.WhoCan("Microsoft.MachineLearningServices/workspaces/computes/write", scope).Select(h => h.PrincipalId + h.DisplayName + DecisionJson.Serialize(h.Decision))));
            }
            Assert.True(compared > 50);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LiveQuestionsTakeNamesAndShowThem()
    {
        await using var harness = await LiveHarness.StartAsync();
        const string Workspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
        var subjects = new[]
        {
            Subject.PrincipalAt("alice@contoso.com", Workspace),
            Subject.PrincipalAt("ml-data-scientists", Workspace),
            Subject.PrincipalAt("1613e9bb-5784-4d47-9033-0c7737529281", Workspace),
        };
        var live = await LiveQuery.CollectAsync(harness.Collector, subjects);
        Assert.Equal(new[] { "f654bbdb-76f3-4d0a-8bc9-337e384a70b8", "5a95c1c1-0507-470d-ac29-fc08dcb97738", "6e046c79-bbbe-4071-9866-a468e620b5df" },
            live.Subjects.Select(s => s.Principal));

        var liveChoice = TenantChoice.Live(live.Tenant);
        var question = new PermissionQuestion(new AccessEvaluator(liveChoice.Tenant), new[] { "Microsoft.MachineLearningServices/workspaces/computes/write" }, null);
        var offline = new PermissionQuestion(new AccessEvaluator(SampleTenant.Load()), new[] { "Microsoft.MachineLearningServices/workspaces/computes/write" }, null);
        for (var i = 0; i < subjects.Length; i++)
        {
            var liveAnswer = question.AnswerFor(live.Subjects[i]).Single();
            var offlineAnswer = offline.AnswerFor(subjects[i]).Single();
            Assert.Equal(offlineAnswer.Outcome, liveAnswer.Outcome);
            Assert.Equal(offlineAnswer.PrincipalName, liveAnswer.PrincipalName);
            Assert.NotNull(liveAnswer.PrincipalName);
        }
    }

    [Fact]
    public async Task AnAmbiguousNameIsAnErrorListingTheCandidates()
    {
        var tenant = SampleTenant.Load();
        tenant = tenant with
        {
            Principals = tenant.Principals.Append(new Principal { Id = "3f1e0d5c-2b8a-4e9f-9c61-0a7b2d4e8f10", Type = PrincipalType.ServicePrincipal, DisplayName = "ml-all", AppId = "9e7b1c2d-3a4f-4b5c-8d6e-7f8091a2b3c4" }).ToList(),
        };
        await using var harness = await LiveHarness.StartAsync(tenant);
        var error = await Assert.ThrowsAsync<AmlRbacException>(() => LiveQuery.CollectAsync(harness.Collector, new[] { Subject.PrincipalAt("ml-all", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45") }));
        Assert.Equal(ErrorIds.PrincipalAmbiguous, error.ErrorId);
        Assert.Contains("b0300632-fffb-40df-a775-f217caa9756a", error.Message);
        Assert.Contains("3f1e0d5c-2b8a-4e9f-9c61-0a7b2d4e8f10", error.Message);
    }

    [Fact]
    public async Task AnUnknownNameIsPrincipalNotFound()
    {
        await using var harness = await LiveHarness.StartAsync();
        var error = await Assert.ThrowsAsync<AmlRbacException>(() => LiveQuery.CollectAsync(harness.Collector, new[] { Subject.PrincipalAt("nobody@contoso.com", "/subscriptions/099041be-6a92-430e-9f47-32340e216c45") }));
        Assert.Equal(ErrorIds.PrincipalNotFound, error.ErrorId);
        Assert.Contains("nobody@contoso.com", error.Message);
    }

    [Fact]
    public void LiveAndASnapshotTogetherAreASourceConflict()
    {
        var error = Assert.Throws<AmlRbacException>(() => TenantChoice.CheckOneSource(live: true, "-Live", Array.Empty<string>(), new[] { "f.json" }, null));
        Assert.Equal(ErrorIds.SourceConflict, error.ErrorId);
        Assert.Equal(TenantOrigin.Live, TenantChoice.Live(Tenant.Empty).Origin);
    }
}
