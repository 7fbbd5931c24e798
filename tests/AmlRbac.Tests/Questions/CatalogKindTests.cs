using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// An operation's kind comes from the catalog (storage.md lists blob read after "| **DataAction** |",
/// https://learn.microsoft.com/azure/role-based-access-control/permissions/storage), so a control-plane wildcard never
/// reaches it ([RD] role-definitions.md: management access is not inherited to data); an operation the catalog does not
/// list is answered with a warning saying so.
/// </summary>
public sealed class CatalogKindTests
{
    private const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";
    private const string StorageAccount = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.Storage/storageAccounts/stmldevdata";

    private static IReadOnlyList<PermissionAnswer> Ask(Subject subject, string action, bool isDataAction = false) =>
        new PermissionQuestion(Contoso.Evaluator, new[] { action }, null, isDataAction).AnswerFor(subject);

    [Fact]
    public void Reader_alone_does_not_read_a_blob_and_Storage_Blob_Data_Reader_does()
    {
        var reader = Ask(Subject.ForRoleName("Reader"), BlobRead).Single();
        var blobReader = Ask(Subject.ForRoleName("Storage Blob Data Reader"), BlobRead).Single();

        Assert.Equal(Outcome.NotGranted, reader.Outcome);
        Assert.True(reader.Operation!.IsDataAction);
        Assert.Equal(Outcome.Allowed, blobReader.Outcome);
        Assert.Equal("Storage Blob Data Reader", reader.WouldBeGrantedBy[0].RoleName);
    }

    [Fact]
    public void Alice_who_holds_Reader_does_not_read_a_blob_of_the_dev_storage_account()
    {
        // Alice holds Reader at the contoso-ml management group through ml-all: it reads the account, not its blobs.
        var account = Ask(Subject.PrincipalAt("alice@contoso.com", StorageAccount), "Microsoft.Storage/storageAccounts/read").Single();
        var blob = Ask(Subject.PrincipalAt("alice@contoso.com", StorageAccount), BlobRead).Single();

        Assert.Equal(Outcome.Allowed, account.Outcome);
        Assert.Equal("Reader", account.DecidingReason!.RoleName);
        Assert.Equal(Outcome.NotGranted, blob.Outcome);
        Assert.Empty(blob.Operation!.Reasons);
    }

    [Fact]
    public void An_operation_the_catalog_does_not_list_is_answered_with_a_warning_and_did_you_mean()
    {
        var question = new PermissionQuestion(Contoso.Evaluator, new[] { "Microsoft.Storag/storageAccounts/read" }, null);

        var warning = Assert.Single(question.Warnings);
        Assert.Contains("'Microsoft.Storag/storageAccounts/read' is unknown to the catalog", warning);
        Assert.Contains("answered as a control action", warning);
        Assert.Contains("Did you mean 'Microsoft.Storage/storageAccounts/read'", warning);
    }

    [Fact]
    public void DataAction_on_a_control_action_of_the_catalog_is_ignored_with_a_warning()
    {
        var question = new PermissionQuestion(Contoso.Evaluator, new[] { "Microsoft.Storage/storageAccounts/read" }, null, isDataAction: true);

        Assert.Contains("is a control action in the catalog", Assert.Single(question.Warnings));
        Assert.False(question.AnswerFor(Subject.ForRoleName("Reader")).Single().Operation!.IsDataAction);
    }

    [Fact]
    public void A_catalog_operation_asked_as_its_kind_gives_no_warning()
    {
        Assert.Empty(new PermissionQuestion(Contoso.Evaluator, new[] { BlobRead }, null, isDataAction: true).Warnings);
        Assert.Empty(new PermissionQuestion(Contoso.Evaluator, new[] { Contoso.ComputeWrite }, null).Warnings);
        // A name listed as both kinds takes the flag, silently.
        Assert.Empty(new PermissionQuestion(Contoso.Evaluator, new[] { "Microsoft.KeyVault/vaults/keys/read" }, null, isDataAction: true).Warnings);
    }

    [Fact]
    public void Who_can_warns_about_an_operation_the_catalog_does_not_list()
    {
        var question = EffectiveAccessQuestion.WhoCan(Contoso.Evaluator, new[] { "Contoso.Widgets/gadgets/read" });

        Assert.Contains("unknown to the catalog", Assert.Single(question.Warnings));
    }

    [Fact]
    public void A_misspelled_storage_operation_is_ActionUnknown_with_did_you_mean()
    {
        var error = Assert.Throws<AmlRbacException>(() => new PermissionQuestion(Contoso.Evaluator, new[] { "Microsoft.Storage/storageAccounts/raed" }, null));

        Assert.Equal(ErrorIds.ActionUnknown, error.ErrorId);
        Assert.Contains("Did you mean 'Microsoft.Storage/storageAccounts/read'", error.Message);
    }

    [Fact]
    public void Deployments_write_is_suggested_narrowest_roles_first_and_not_Key_Vault_Administrator()
    {
        // With 28 roles, Key Vault Administrator (Microsoft.Resources/deployments/* beside its Key Vault data actions) was
        // the narrowest known; with every role and the Key Vault operations it is far down the list.
        var suggestions = Contoso.Evaluator.CheckRole(Contoso.Evaluator.GetRole("Reader"), "Microsoft.Resources/deployments/write").WouldBeGrantedBy;

        // Hundreds of roles grant it; the advice is the narrowest few, each measured over the whole catalog.
        Assert.Equal(AccessEvaluator.MaxSuggestions, suggestions.Count);
        Assert.DoesNotContain(suggestions, s => s.RoleName == "Key Vault Administrator");
        Assert.All(suggestions, s => Assert.False(s.GrantsOutsideCatalog));
        Assert.Equal(suggestions.Select(s => s.GrantedOperationCount).Order(), suggestions.Select(s => s.GrantedOperationCount));
    }

    [Fact]
    public void A_former_role_name_answers_for_the_renamed_role()
    {
        var answer = Ask(Subject.ForRoleName("Azure AI User"), "Microsoft.CognitiveServices/accounts/read").Single();

        Assert.Equal("Foundry User", answer.Operation!.RoleName);
    }
}
