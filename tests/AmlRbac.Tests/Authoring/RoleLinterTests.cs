using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Authoring;

/// <summary>Each lint rule, with a role that breaks it and a role that keeps it.</summary>
public sealed class RoleLinterTests
{
    private static readonly RoleLinter Linter = new();

    private const string ComputeRead = Ml + "computes/read";

    // Rule id, a role the rule reports, a role it does not (otherwise alike), and the entry reported.
    public static TheoryData<string, RoleDefinition, RoleDefinition, string?> Cases => new()
    {
        { "AMLR001", Of(new[] { Ml + "computes/raed" }), Of(new[] { ComputeRead }), Ml + "computes/raed" },
        { "AMLR001", Of(new[] { Ml + "*/read" }, new[] { Ml + "experiments/jobs/read" }), Of(new[] { Ml + "*/read" }, new[] { Ml + "jobs/read" }), Ml + "experiments/jobs/read" },
        { "AMLR002", Of(new[] { ComputeRead }, dataActions: new[] { "Microsoft.MachineLearningServices/workspaces/managedComputes/raed" }), Of(new[] { ComputeRead }), "Microsoft.MachineLearningServices/workspaces/managedComputes/raed" },
        { "AMLR003", Of(new[] { ComputeRead }, new[] { Ml + "computes/delete" }), Of(new[] { Ml + "computes/*" }, new[] { Ml + "computes/delete" }), Ml + "computes/delete" },
        { "AMLR004", Of(new[] { "Microsoft.MachineLearningServices/*/computes/*" }), Of(new[] { Ml + "computes/*" }), "Microsoft.MachineLearningServices/*/computes/*" },
        { "AMLR005", Of(new[] { "*" }, new[] { "Microsoft.Authorization/*" }), Of(new[] { "Microsoft.MachineLearningServices/*" }), "*" },
        { "AMLR011", Of(new[] { ComputeRead }, scopes: new[] { "/subscriptions/<subscriptionId>" }), Of(new[] { ComputeRead }), "/subscriptions/<subscriptionId>" },
        { "AMLR012", Of(new[] { ComputeRead }, scopes: new[] { "/" }), Of(new[] { ComputeRead }), "/" },
        { "AMLR013", Of(new[] { ComputeRead }, scopes: new[] { "/providers/Microsoft.Management/managementGroups/a", "/providers/Microsoft.Management/managementGroups/b" }),
            Of(new[] { ComputeRead }, scopes: new[] { "/providers/Microsoft.Management/managementGroups/a" }), "/providers/Microsoft.Management/managementGroups/b" },
        { "AMLR014", Of(new[] { ComputeRead }, scopes: Array.Empty<string>()), Of(new[] { ComputeRead }), null },
        { "AMLR015", Of(new[] { "Microsoft.Advisor/recommendations/read" }), Of(new[] { ComputeRead }), "Microsoft.Advisor/recommendations/read" },
        { "AMLR008", Of(new[] { "Microsoft.Authorization/*/write" }), Of(new[] { "Microsoft.Authorization/*/read" }), "Microsoft.Authorization/*/write" },
        { "AMLR008", Of(new[] { Ml + "*", "Microsoft.Authorization/roleAssignments/*" }), Of(new[] { Ml + "*", "Microsoft.Authorization/roleAssignments/*" }, new[] { "Microsoft.Authorization/roleAssignments/write" }), "Microsoft.Authorization/roleAssignments/*" },
        { "AMLR009", Of(new[] { Ml + "computes/*" }), Of(new[] { Ml + "computes/*" }, new[] { Ml + "computes/listKeys/action" }), Ml + "computes/*" },
        { "AMLR009", Of(new[] { Ml + "listNotebookAccessToken/read" }), Of(new[] { Ml + "read" }), Ml + "listNotebookAccessToken/read" },
        // Operations that return a secret, key or token without a listKeys / listSecrets / readSecrets verb.
        { "AMLR009", Of(new[] { Ml + "metadata/secrets/read" }), Of(new[] { Ml + "metadata/secrets/write" }), Ml + "metadata/secrets/read" },
        { "AMLR009", Of(new[] { Ml + "listNotebookKeys/read" }), Of(new[] { Ml + "read" }), Ml + "listNotebookKeys/read" },
        { "AMLR009", Of(new[] { Ml + "onlineEndpoints/token/action" }), Of(new[] { Ml + "onlineEndpoints/regenerateKeys/action" }), Ml + "onlineEndpoints/token/action" },
        { "AMLR009", Of(new[] { Ml + "services/aks/score/action" }), Of(new[] { Ml + "services/aks/read" }), Ml + "services/aks/score/action" },
        { "AMLR010", Of(new[] { "*" }, name: "Everything"), Of(new[] { "*" }, new[] { "Microsoft.Authorization/*/write", "Microsoft.Authorization/*/delete", "Microsoft.MachineLearningServices/workspaces/delete" }, name: "Everything"), null },
        { "AMLR016", CopyOf("AzureML Data Scientist"), CopyOf("AzureML Data Scientist", Ml + "computes/start/action"), null },
    };

    // A custom role with the permissions of a built-in role (less the extra NotActions given), under another name and id.
    private static RoleDefinition CopyOf(string builtIn, params string[] moreNotActions)
    {
        var block = AmlCatalog.Default.FindRole(builtIn)!.Permissions.Single();
        return Of(block.Actions.ToArray(), block.NotActions.Concat(moreNotActions).ToArray(), block.DataActions.ToArray(), block.NotDataActions.ToArray(), name: "My " + builtIn);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_reports_the_role_that_breaks_it_and_not_the_one_that_keeps_it(string id, RoleDefinition failing, RoleDefinition passing, string? entry)
    {
        var reported = Linter.Lint(failing).Where(f => f.Id == id).ToList();

        Assert.Contains(reported, f => f.Entry == entry);
        Assert.DoesNotContain(Linter.Lint(passing), f => f.Id == id);
    }

    [Fact]
    public void A_data_operation_under_Actions_and_a_control_operation_under_DataActions_are_reported()
    {
        // The embedded catalog lists no data operation of its providers today, so a small catalog holds one.
        const string DataRead = Ml + "data/read";
        var catalog = new AmlCatalog(
            new[] { new Operation(ComputeRead, false, "Reads compute."), new Operation(DataRead, true, "Reads data.") },
            Array.Empty<RoleDefinition>());
        var linter = new RoleLinter(new AccessEvaluator(Tenant.Empty, catalog));

        var findings = linter.Lint(Of(new[] { ComputeRead, DataRead }, dataActions: new[] { ComputeRead }));
        var passing = linter.Lint(Of(new[] { ComputeRead }, dataActions: new[] { DataRead }));

        Assert.Contains(findings, f => f.Id == "AMLR006" && f.Entry == DataRead && f.List == "Actions");
        Assert.Contains(findings, f => f.Id == "AMLR007" && f.Entry == ComputeRead && f.List == "DataActions");
        Assert.DoesNotContain(passing, f => f.Id is "AMLR006" or "AMLR007");
    }

    [Fact]
    public void Data_actions_at_management_group_scope_are_reported()
    {
        const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";
        const string Group = "/providers/Microsoft.Management/managementGroups/a";

        Assert.Contains(Linter.Lint(Of(new[] { ComputeRead }, dataActions: new[] { BlobRead }, scopes: new[] { Group })), f => f.Id == "AMLR013");
        Assert.DoesNotContain(Linter.Lint(Of(new[] { ComputeRead }, dataActions: new[] { BlobRead })), f => f.Id == "AMLR013");
    }

    [Theory]
    // Typos in the providers the workspace identity's roles reach (storage.md, security.md): AMLR001 for an Actions
    // entry, AMLR002 for a DataActions entry, each with the operation meant; before the whole catalog they were AMLR015.
    [InlineData("Actions", "Microsoft.Storage/storageAccounts/listkeys/acton", "AMLR001", "Microsoft.Storage/storageAccounts/listkeys/action")]
    [InlineData("Actions", "Microsoft.KeyVault/vaults/wirte", "AMLR001", "Microsoft.KeyVault/vaults/write")]
    [InlineData("DataActions", "Microsoft.KeyVault/vaults/secrets/getSecrets/action", "AMLR002", "Microsoft.KeyVault/vaults/secrets/getSecret/action")]
    [InlineData("DataActions", "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/raed", "AMLR002", "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read")]
    public void A_typo_in_a_storage_or_key_vault_entry_is_unknown_with_did_you_mean(string list, string entry, string id, string meant)
    {
        var role = list == "Actions" ? Of(new[] { ComputeRead, entry }) : Of(new[] { ComputeRead }, dataActions: new[] { entry });

        var finding = Assert.Single(Linter.Lint(role), f => f.Entry == entry);

        Assert.Equal(id, finding.Id);
        Assert.Contains($"Did you mean '{meant}'", finding.Message);
    }

    [Fact]
    public void An_unknown_action_comes_with_did_you_mean()
    {
        var finding = Assert.Single(Linter.Lint(Of(new[] { Ml + "computes/raed" })), f => f.Id == "AMLR001");

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains($"Did you mean '{ComputeRead}'", finding.Message);
    }

    [Fact]
    public void Secret_access_names_what_it_exposes()
    {
        var finding = Assert.Single(Linter.Lint(Of(new[] { Ml + "datastores/*" })), f => f.Id == "AMLR009");

        Assert.Contains(Ml + "datastores/listsecrets/action", finding.Message);
        Assert.Contains("Lists datastore secrets", finding.Message);
    }

    // Every catalog operation whose description says it lists, gets, reads or retrieves secrets, keys or
    // tokens is reported, alone, with its description; the ones that write, delete, regenerate or resync
    // them are not. Keeps the rule's list in step with operations.tsv.
    [Fact]
    public void Secret_access_covers_every_catalog_operation_that_returns_a_secret_key_or_token()
    {
        // AMLR009 is about Azure ML's own operations (RoleLinter.SecretOperations); the other providers' keys are not listed yet.
        var ml = AmlCatalog.Default.Operations.Where(o => o.Provider == "Microsoft.MachineLearningServices").ToList();
        var returnsSecret = new System.Text.RegularExpressions.Regex(@"^(List|Lists|Get|Gets|Retrieve|Read|Reads)\b.*\b(secrets?|keys?|token)\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var mentionsSecret = new System.Text.RegularExpressions.Regex(@"\b(secrets?|keys?|token)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var reading = ml.Where(o => returnsSecret.IsMatch(o.Description)).ToList();
        var notReading = ml.Where(o => mentionsSecret.IsMatch(o.Description) && !returnsSecret.IsMatch(o.Description)).ToList();

        Assert.True(reading.Count >= 18, $"{reading.Count} operations read secrets");
        Assert.All(reading, o =>
        {
            var finding = Assert.Single(Linter.Lint(Of(new[] { o.Name })), f => f.Id == "AMLR009");
            Assert.Contains(o.Description.TrimEnd('.'), finding.Message);
        });
        Assert.NotEmpty(notReading);
        Assert.All(notReading, o => Assert.DoesNotContain(Linter.Lint(Of(new[] { o.Name })), f => f.Id == "AMLR009"));
    }

    [Fact]
    public void The_published_MLOps_role_is_reported_for_reading_workspace_secrets()
    {
        var role = new RoleBuilder { Template = "MLOps", AssignableScopes = new[] { Subscription } }.Build();

        var finding = Assert.Single(Linter.Lint(role), f => f.Id == "AMLR009");
        Assert.Equal(Ml + "metadata/secrets/read", finding.Entry);
        Assert.Contains("the secrets stored in the workspace", finding.Message);
    }

    [Fact]
    public void A_copy_of_a_privileged_role_is_a_warning_and_a_copy_of_another_built_in_is_information()
    {
        var dataScientist = Linter.Lint(CopyOf("AzureML Data Scientist"));
        var owner = Linter.Lint(CopyOf("Owner"));

        var duplicate = Assert.Single(dataScientist, f => f.Id is "AMLR010" or "AMLR016");
        Assert.Equal(FindingSeverity.Information, duplicate.Severity);
        Assert.Contains("duplicates", duplicate.Message);
        Assert.Contains("'AzureML Data Scientist'", duplicate.Message);
        var privileged = Assert.Single(owner, f => f.Id == "AMLR010" && f.Message.Contains("'Owner'", StringComparison.Ordinal));
        Assert.Equal(FindingSeverity.Warning, privileged.Severity);
        Assert.DoesNotContain(owner, f => f.Id == "AMLR016" && f.Message.Contains("'Owner'", StringComparison.Ordinal));
    }

    [Fact]
    public void Escalation_names_the_operation_it_opens()
    {
        var findings = Linter.Lint(Of(new[] { "Microsoft.Authorization/*/write" })).Where(f => f.Id == "AMLR008").ToList();

        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("Microsoft.Authorization/roleAssignments/write", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.Contains("Microsoft.Authorization/roleDefinitions/write", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_role_has_no_finding()
    {
        Assert.Empty(Linter.Lint(Of(new[] { ComputeRead, Ml + "computes/start/action" })));
    }

    // The help page is where users look up an id a script filters on.
    [Fact]
    public void The_help_page_lists_every_rule_with_its_name_and_severity()
    {
        var page = File.ReadAllText(AmlRbac.Tests.PowerShell.ModuleFiles.InRepository("docs", "New-AmlCustomRole.md"));

        Assert.All(LintRules.All, r => Assert.Contains($"- {r.Id} {r.Name} ({r.Severity})", page));
    }

    [Fact]
    public void Every_rule_has_a_unique_id_and_name_and_a_test_case()
    {
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(r => r.Name).Distinct().Count());
        var tested = Cases.Select(c => (string)c[0]).Concat(new[] { "AMLR000", "AMLR006", "AMLR007" }).ToHashSet();
        Assert.DoesNotContain(LintRules.All, r => !tested.Contains(r.Id));
    }
}
