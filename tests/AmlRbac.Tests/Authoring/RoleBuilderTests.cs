using Xunit;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// New-AmlCustomRole's engine: a role from a template, an existing role, activities and lists; what it
/// refuses outright (RoleLinter reports the rest, see Authoring/RoleLinterTests).
/// </summary>
public sealed class RoleBuilderTests
{
    private const string Subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
    private static readonly string[] Scopes = { Subscription };

    [Fact]
    public void Builds_one_custom_permission_block_from_lists()
    {
        var role = new RoleBuilder
        {
            Name = "Compute Starter",
            Description = "Starts compute.",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/computes/read", "Microsoft.MachineLearningServices/workspaces/computes/start/action" },
            NotActions = new[] { "Microsoft.MachineLearningServices/workspaces/computes/delete" },
            DataActions = new[] { "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read" },
            AssignableScopes = Scopes,
        }.Build();

        Assert.True(role.IsCustom);
        Assert.Equal(("Compute Starter", "Starts compute."), (role.Name, role.Description));
        var permission = Assert.Single(role.Permissions);
        Assert.Equal(2, permission.Actions.Count);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/computes/delete" }, permission.NotActions);
        Assert.Single(permission.DataActions);
        Assert.Equal(Scopes, role.AssignableScopes);
    }

    [Fact]
    public void A_new_role_gets_a_fresh_id_unless_one_is_given()
    {
        RoleDefinition Build(string? id = null) => new RoleBuilder { Name = "Reader Copy", Id = id, Actions = new[] { "*/read" }, AssignableScopes = Scopes }.Build();

        Assert.NotEqual(Build().Id, Build().Id);
        Assert.Equal('4', Build().Id[14]); // RFC 4122 version 4 (random)
        Assert.Equal("0f2f7c8a-4f0e-4d8e-9a3c-5b7e0f3a1d22", Build("0F2F7C8A-4F0E-4D8E-9A3C-5B7E0F3A1D22").Id);
        Assert.Equal(ErrorIds.RoleDefinitionInvalid, Assert.Throws<AmlRbacException>(() => Build("not-a-guid")).ErrorId);
    }

    // The engine serves New-AmlCustomRole and amlrbac role new alike: its messages name the input, not a
    // PowerShell parameter ("-Id") the CLI user never typed.
    [Fact]
    public void Refusals_name_the_input_without_a_PowerShell_parameter()
    {
        var messages = new[]
        {
            Assert.Throws<AmlRbacException>(() => new RoleBuilder { Name = "X", Id = "nope", Actions = new[] { "*/read" }, AssignableScopes = Scopes }.Build()).Message,
            Assert.Throws<AmlRbacException>(() => new RoleBuilder { Actions = new[] { "*/read" }, AssignableScopes = Scopes }.Build()).Message,
            Assert.Throws<AmlRbacException>(() => ActivitySelection.Resolve(AmlCatalog.Default, new[] { "SubmitRunV1" }, ActivityApiVersion.V2)).Message,
        };

        Assert.StartsWith("Role id 'nope' is not a GUID", messages[0]);
        Assert.All(messages, m => Assert.DoesNotMatch(@"(^|[\s(])-[A-Z][A-Za-z]+", m));
    }

    [Fact]
    public void A_piped_role_is_the_start_and_keeps_its_id_name_and_scopes()
    {
        var existing = AmlCatalog.Default.FindTemplate("DataScientist")!.Role with { AssignableScopes = new[] { "/subscriptions/<subscriptionId>" } };

        var role = new RoleBuilder { BaseRole = existing, NotActions = new[] { "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write" } }.Build();

        Assert.Equal((existing.Id, existing.Name), (role.Id, role.Name));
        Assert.Equal(existing.AssignableScopes, role.AssignableScopes); // kept as read; RoleLinter reports the placeholder
        Assert.Equal(existing.Permissions[0].NotActions.Append("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write"), role.Permissions[0].NotActions);
    }

    [Fact]
    public void An_activity_without_suffix_means_the_V2_variant_unless_ApiVersion_says_otherwise()
    {
        IEnumerable<string> Names(ActivityApiVersion? version) =>
            ActivitySelection.Resolve(AmlCatalog.Default, new[] { "SubmitRun", "CreateComputeCluster" }, version).Select(a => a.Name);

        Assert.Equal(new[] { "SubmitRunV2", "CreateComputeCluster" }, Names(null));
        Assert.Equal(new[] { "SubmitRunV1", "CreateComputeCluster" }, Names(ActivityApiVersion.V1));
        Assert.Equal(new[] { "SubmitRunV1", "SubmitRunV2", "CreateComputeCluster" }, Names(ActivityApiVersion.Both));
    }

    [Fact]
    public void An_activity_of_the_other_API_than_ApiVersion_is_an_error()
    {
        var error = Assert.Throws<AmlRbacException>(() => ActivitySelection.Resolve(AmlCatalog.Default, new[] { "SubmitRunV1" }, ActivityApiVersion.V2));

        Assert.Equal(ErrorIds.ActivityUnknown, error.ErrorId);
        Assert.Contains("SubmitRunV1", error.Message);
    }

    [Fact]
    public void Both_API_versions_give_the_union_of_the_V1_and_V2_operations()
    {
        var role = new RoleBuilder { Name = "Jobs", Activities = new[] { "SubmitRun" }, ApiVersion = ActivityApiVersion.Both, AssignableScopes = Scopes }.Build();
        var evaluator = new AccessEvaluator(Tenant.Empty);

        Assert.Equal(Outcome.Allowed, evaluator.CheckRoleActivity(role, AmlCatalog.Default.GetActivity("SubmitRunV1")).Outcome);
        Assert.Equal(Outcome.Allowed, evaluator.CheckRoleActivity(role, AmlCatalog.Default.GetActivity("SubmitRunV2")).Outcome);
    }

    [Fact]
    public void An_excluded_activity_is_not_allowed_and_the_included_ones_still_are()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);

        var role = new RoleBuilder
        {
            Name = "Endpoints but no keys",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/*" },
            Activities = new[] { "DeployModel" },
            ExcludeActivities = new[] { "RetrieveOnlineEndpointCredentials" },
            AssignableScopes = Scopes,
        }.Build();

        Assert.Equal(Outcome.NotGranted, evaluator.CheckRoleActivity(role, AmlCatalog.Default.GetActivity("RetrieveOnlineEndpointCredentials")).Outcome);
        Assert.Equal(Outcome.Allowed, evaluator.CheckRole(role, "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write").Outcome);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/onlineEndpoints/listkeys/action", role.Permissions[0].NotActions, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_activity_that_the_included_ones_need_entirely_cannot_be_excluded()
    {
        var builder = new RoleBuilder
        {
            Name = "Contradiction",
            Activities = new[] { "CreateComputeCluster" },
            ExcludeActivities = new[] { "CreateComputeInstance" },
            AssignableScopes = Scopes,
        };

        var error = Assert.Throws<AmlRbacException>(builder.Build);

        Assert.Equal(ErrorIds.RoleDefinitionInvalid, error.ErrorId);
        Assert.Contains("CreateComputeInstance", error.Message);
    }

    [Fact]
    public void Activities_bring_the_operations_they_require()
    {
        var activity = AmlCatalog.Default.GetActivity("SubmitRunV2");

        var role = new RoleBuilder { Name = "Job Submitter", Activities = new[] { "SubmitRunV2" }, AssignableScopes = Scopes }.Build();

        Assert.Equal(activity.Actions, role.Permissions[0].Actions);
    }

    [Fact]
    public void The_role_built_for_an_activity_covers_it()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var role = new RoleBuilder { Name = "Compute Creator", Activities = new[] { "CreateComputeCluster" }, AssignableScopes = Scopes }.Build();

        Assert.Equal(Outcome.Allowed, evaluator.CheckRoleActivity(role, AmlCatalog.Default.GetActivity("CreateComputeCluster")).Outcome);
    }

    [Fact]
    public void A_template_gives_permissions_name_and_description_and_lists_add_to_it()
    {
        var template = AmlCatalog.Default.Templates.First(t => t.Role.Permissions.Count == 1);
        const string Extra = "Microsoft.Storage/storageAccounts/read";

        var role = new RoleBuilder { Template = template.Name, Actions = new[] { Extra }, AssignableScopes = Scopes }.Build();

        Assert.Equal(template.Role.Name, role.Name);
        Assert.Equal(template.Role.Description, role.Description);
        Assert.Equal(template.Role.Permissions[0].Actions.Append(Extra).Distinct(StringComparer.OrdinalIgnoreCase), role.Permissions[0].Actions);
        Assert.Equal(template.Role.Permissions[0].NotActions, role.Permissions[0].NotActions);
    }

    [Fact]
    public void A_name_given_replaces_the_templates()
    {
        var template = AmlCatalog.Default.Templates.First(t => t.Role.Permissions.Count == 1);

        var role = new RoleBuilder { Template = template.Name, Name = "Our Data Scientist", AssignableScopes = Scopes }.Build();

        Assert.Equal("Our Data Scientist", role.Name);
    }

    [Fact]
    public void Each_entry_is_kept_once_whatever_its_case()
    {
        var role = new RoleBuilder
        {
            Name = "Readers",
            Actions = new[] { "*/read", "*/READ", " */read " },
            AssignableScopes = Scopes,
        }.Build();

        Assert.Equal(new[] { "*/read" }, role.Permissions[0].Actions);
    }

    public static TheoryData<string, RoleBuilder> Refused => new()
    {
        { ErrorIds.RoleDefinitionInvalid, new RoleBuilder { Actions = new[] { "*/read" }, AssignableScopes = Scopes } },
        { ErrorIds.RoleDefinitionInvalid, new RoleBuilder { Name = "Nothing", AssignableScopes = Scopes } },
        { ErrorIds.RoleDefinitionInvalid, new RoleBuilder { Name = "No scope", Actions = new[] { "*/read" } } },
        { ErrorIds.ScopeInvalid, new RoleBuilder { Name = "Root", Actions = new[] { "*/read" }, AssignableScopes = new[] { "/" } } },
        { ErrorIds.ScopeInvalid, new RoleBuilder { Name = "Wildcard scope", Actions = new[] { "*/read" }, AssignableScopes = new[] { "/subscriptions/*" } } },
        { ErrorIds.RoleNotFound, new RoleBuilder { Template = "NoSuchTemplate", AssignableScopes = Scopes } },
        { ErrorIds.ActivityUnknown, new RoleBuilder { Name = "Unknown", Activities = new[] { "NoSuchActivity" }, AssignableScopes = Scopes } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_role_with_no_name_no_grant_or_a_bad_parameter_is_an_error(string errorId, RoleBuilder builder)
    {
        var error = Assert.Throws<AmlRbacException>(builder.Build);

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void Typos_and_two_wildcards_are_built_as_written_and_reported_by_the_linter()
    {
        // An existing role must be readable whatever its defects, so the builder leaves them to RoleLinter.
        var role = new RoleBuilder
        {
            Name = "Typo",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/computes/wirte", "Microsoft.MachineLearningServices/*/computes/*" },
            AssignableScopes = Scopes,
        }.Build();

        var findings = new RoleLinter().Lint(role);

        Assert.Contains(findings, f => f.Id == LintRules.UnknownAction.Id && f.Entry == "Microsoft.MachineLearningServices/workspaces/computes/wirte");
        Assert.Contains(findings, f => f.Id == LintRules.MultipleWildcards.Id && f.Entry == "Microsoft.MachineLearningServices/*/computes/*");
    }

    [Fact]
    public void An_exact_operation_of_a_provider_the_catalog_does_not_list_is_taken_as_written()
    {
        var role = new RoleBuilder { Name = "Vault", Actions = new[] { "Microsoft.KeyVault/vaults/read" }, AssignableScopes = Scopes }.Build();

        Assert.Equal(new[] { "Microsoft.KeyVault/vaults/read" }, role.Permissions[0].Actions);
    }
}
