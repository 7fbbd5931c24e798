using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Evaluation;
using AmlRbac.Model;
using Xunit;

namespace AmlRbac.Tests.PowerShell;

/// <summary>
/// New-AmlCustomRole's engine: a role from a template, activities and lists, checked against the
/// custom-role rules of [CR] custom-roles.md before anything reaches Azure.
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
    public void The_same_name_gives_the_same_id_and_another_name_another()
    {
        RoleDefinition Build(string name) => new RoleBuilder { Name = name, Actions = new[] { "*/read" }, AssignableScopes = Scopes }.Build();

        Assert.Equal(Build("Reader Copy").Id, Build("reader copy ").Id);
        Assert.NotEqual(Build("Reader Copy").Id, Build("Reader Copy 2").Id);
        Assert.Equal('8', Build("Reader Copy").Id[14]); // RFC 9562 version 8 (name-derived, custom)
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
        { ErrorIds.RoleDefinitionInvalid, new RoleBuilder { Name = "Two wildcards", Actions = new[] { "Microsoft.MachineLearningServices/*/computes/*" }, AssignableScopes = Scopes } },
        { ErrorIds.RoleDefinitionInvalid, new RoleBuilder { Name = "No scope", Actions = new[] { "*/read" } } },
        { ErrorIds.ActionUnknown, new RoleBuilder { Name = "Typo", Actions = new[] { "Microsoft.MachineLearningServices/workspaces/computes/wirte" }, AssignableScopes = Scopes } },
        { ErrorIds.ActionUnknown, new RoleBuilder { Name = "Typo", NotActions = new[] { "Microsoft.Authorization/roleAssignments/wirte" }, Actions = new[] { "*" }, AssignableScopes = Scopes } },
        { ErrorIds.ScopeInvalid, new RoleBuilder { Name = "Root", Actions = new[] { "*/read" }, AssignableScopes = new[] { "/" } } },
        { ErrorIds.ScopeInvalid, new RoleBuilder { Name = "Wildcard scope", Actions = new[] { "*/read" }, AssignableScopes = new[] { "/subscriptions/*" } } },
        { ErrorIds.RoleNotFound, new RoleBuilder { Template = "NoSuchTemplate", AssignableScopes = Scopes } },
        { ErrorIds.ActivityUnknown, new RoleBuilder { Name = "Unknown", Activities = new[] { "NoSuchActivity" }, AssignableScopes = Scopes } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_role_Azure_would_refuse_or_that_would_silently_grant_nothing_is_an_error(string errorId, RoleBuilder builder)
    {
        var error = Assert.Throws<AmlRbacException>(builder.Build);

        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void An_exact_operation_of_a_provider_the_catalog_does_not_list_is_taken_as_written()
    {
        var role = new RoleBuilder { Name = "Vault", Actions = new[] { "Microsoft.KeyVault/vaults/read" }, AssignableScopes = Scopes }.Build();

        Assert.Equal(new[] { "Microsoft.KeyVault/vaults/read" }, role.Permissions[0].Actions);
    }
}
