using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>Get-AmlEffectiveAccess's engine: a principal's listing (per operation or activity, filtered) and who-can.</summary>
public sealed class EffectiveAccessQuestionTests
{
    private static readonly Subject AliceInDev = Subject.PrincipalAt(Contoso.Alice, Contoso.DevWorkspace);

    [Fact]
    public void Lists_every_Azure_ML_operation_by_default()
    {
        var answers = EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation).AnswerFor(AliceInDev);

        Assert.Equal(AmlCatalog.Default.Operations.Where(o => o.Name.StartsWith("Microsoft.MachineLearningServices/", StringComparison.Ordinal)).Select(o => o.Name),
            answers.Select(a => a.Operation!.Action));
        Assert.Equal(Outcome.Allowed, answers.Single(a => a.Operation!.Action == Contoso.ComputeWrite).Outcome);
        Assert.All(answers, a => Assert.Equal("Alice Chen", a.PrincipalName));
    }

    [Fact]
    public void Lists_the_operations_of_the_providers_named_each_once_in_catalog_order()
    {
        var answers = EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation,
            providers: new[] { "microsoft.storage", "Microsoft.KeyVault", "Microsoft.Storage" }).AnswerFor(AliceInDev);

        Assert.Equal(AmlCatalog.Default.Operations.Where(o => o.Provider is "Microsoft.KeyVault" or "Microsoft.Storage").Select(o => (o.Name, o.IsDataAction)),
            answers.Select(a => (a.Operation!.Action, a.Operation.IsDataAction)));
        // Alice holds AzureML Data Scientist and Reader in dev: Reader's */read reads the account, never a blob.
        Assert.Equal(Outcome.NotGranted, answers.Single(a => a.Operation!.Action == "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read").Outcome);
    }

    [Fact]
    public void An_unknown_provider_is_ProviderUnknown_with_did_you_mean()
    {
        var error = Assert.Throws<AmlRbacException>(() =>
            EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation, providers: new[] { "Microsoft.Storag" }));

        Assert.Equal(ErrorIds.ProviderUnknown, error.ErrorId);
        Assert.Contains("Did you mean 'Microsoft.Storage'", error.Message);
    }

    [Fact]
    public void Lists_every_catalog_activity_by_activity()
    {
        var answers = EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Activity).AnswerFor(AliceInDev);

        Assert.Equal(AmlCatalog.Default.Activities.Select(a => a.Name), answers.Select(a => a.Activity!.Activity.Name));
    }

    [Fact]
    public void Keeps_only_the_decisions_asked_for()
    {
        var answers = EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation, decisions: new[] { Outcome.Denied, Outcome.Conditional })
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, Contoso.ProdWorkspace));

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Contains(a.Outcome, new[] { Outcome.Denied, Outcome.Conditional }));
    }

    [Fact]
    public void Narrows_to_activities()
    {
        var question = (EffectiveAccessBy by) => EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, by, new[] { "CreateComputeCluster", "SubmitRunV2" });
        var required = new[] { "CreateComputeCluster", "SubmitRunV2" }
            .SelectMany(a => Contoso.Evaluator.CheckActivity(Contoso.Alice, AmlCatalog.Default.GetActivity(a), Contoso.DevWorkspace).Operations)
            .Select(d => d.Action).Distinct(StringComparer.OrdinalIgnoreCase);

        var byActivity = question(EffectiveAccessBy.Activity).AnswerFor(AliceInDev);
        var byOperation = question(EffectiveAccessBy.Operation).AnswerFor(AliceInDev);

        Assert.Equal(new[] { "CreateComputeCluster", "SubmitRunV2" }, byActivity.Select(a => a.Activity!.Activity.Name));
        Assert.Equal(required, byOperation.Select(a => a.Operation!.Action));
    }

    [Fact]
    public void Who_can_lists_the_principals_with_their_type_and_path()
    {
        var answers = EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { Contoso.ComputeWrite }).AnswerFor(Subject.At(Contoso.DevWorkspace));

        var alice = Assert.Single(answers, a => a.Operation!.PrincipalId == Contoso.Alice);
        Assert.Equal(("Alice Chen", PrincipalType.User, Outcome.Allowed), (alice.PrincipalName, alice.PrincipalType, alice.Outcome));
        Assert.Equal("ml-data-scientists", alice.DecidingReason!.ViaGroupName);
    }

    [Fact]
    public void Who_can_does_not_list_a_principal_a_deny_blocks()
    {
        var answers = EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { Contoso.ComputeDelete }).AnswerFor(Subject.At(Contoso.ProdWorkspace));

        Assert.DoesNotContain(answers, a => a.Operation!.PrincipalId == Contoso.SpMlops);
    }

    [Fact]
    public void Who_can_checks_its_operations_when_made()
    {
        var error = Assert.Throws<AmlRbacException>(() => EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { "Microsoft.MachineLearningServices/workspaces/computes/wirte" }));

        Assert.Equal(ErrorIds.ActionUnknown, error.ErrorId);
        Assert.Throws<ArgumentException>(() => EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, Array.Empty<string>()));
    }

    [Fact]
    public void An_unknown_activity_filter_is_ActivityUnknown()
    {
        var error = Assert.Throws<AmlRbacException>(() => EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Activity, new[] { "NoSuchActivity" }));

        Assert.Equal(ErrorIds.ActivityUnknown, error.ErrorId);
    }

    [Fact]
    public void A_bad_scope_is_ScopeInvalid()
    {
        var error = Assert.Throws<AmlRbacException>(() => EffectiveAccessQuestion.ForPrincipal(Contoso.Evaluator, EffectiveAccessBy.Operation)
            .AnswerFor(Subject.PrincipalAt(Contoso.Alice, "/subscriptions/not-a-guid")));

        Assert.Equal(ErrorIds.ScopeInvalid, error.ErrorId);
    }
}
