using System.Text.Json.Nodes;
using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// The response examples of azure-rest-api-specs (copied to tests/fixtures/arm-examples) read as
/// snapshots: a list page is an array of items, a GET by id a single item. Several examples hold
/// placeholders ("subId", "{subscriptionId1}") where a scope needs a GUID; those must be refused.
/// </summary>
public sealed class ArmExampleTests
{
    // Example files wrap the payload as { "parameters": ..., "responses": { "200": { "body": <payload> } } }.
    private static string Body(string file) =>
        JsonNode.Parse(File.ReadAllText(TestFiles.ArmExample(file)))!["responses"]!["200"]!["body"]!.ToJsonString();

    [Fact]
    public void Role_assignments_list_for_scope()
    {
        var tenant = SnapshotReader.Parse(Body("authorization_2022-04-01_RoleAssignments_ListForScope.json"), "ListForScope");

        var assignment = Assert.Single(tenant.RoleAssignments);
        Assert.Equal("/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2/providers/Microsoft.Authorization/roleAssignments/b0f43c54-e787-4862-89b1-a653fa9cf747", assignment.Id);
        Assert.Equal("0b5fe924-9a61-425c-96af-cfe6e287ca2d", assignment.RoleDefinitionId);
        Assert.Equal("ce2ce14e-85d7-4629-bdbc-454d0519d987", assignment.PrincipalId);
        Assert.Equal(PrincipalType.User, assignment.PrincipalType);
        Assert.Equal("/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2", assignment.Scope);
    }

    [Fact]
    public void Role_assignments_list_for_resource_group()
    {
        var tenant = SnapshotReader.Parse(Body("authorization_2022-04-01_RoleAssignments_ListForResourceGroup.json"), "ListForResourceGroup");

        Assert.Equal(
            new[] { "/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2", "/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2/resourceGroups/testrg" },
            tenant.RoleAssignments.Select(a => a.Scope));
    }

    [Fact]
    public void Role_definition_by_id_is_a_single_item()
    {
        var tenant = SnapshotReader.Parse(Body("authorization_2022-04-01_GetRoleDefinitionById.json"), "GetRoleDefinitionById");

        var role = Assert.Single(tenant.RoleDefinitions);
        Assert.Equal("Role name", role.Name);
        Assert.Equal("Role description", role.Description);
        Assert.Equal("roledefinitionid", role.Id);
        Assert.False(role.IsCustom);
        Assert.Equal(new[] { "action" }, role.Permissions[0].Actions);
        Assert.Equal(new[] { "dataAction" }, role.Permissions[0].DataActions);
        Assert.Equal(new[] { "/subscriptions/subId" }, role.AssignableScopes);
    }

    [Fact]
    public void Role_definitions_at_scope_is_a_list_page()
    {
        var tenant = SnapshotReader.Parse(Body("authorization_2018-01-01-preview_GetRoleDefinitionAtScope.json"), "GetRoleDefinitionAtScope");

        Assert.Equal("Role name", Assert.Single(tenant.RoleDefinitions).Name);
    }

    [Fact]
    public void Deny_assignments_example_with_placeholder_subscription_is_refused()
    {
        var error = Assert.Throws<AmlRbacException>(() =>
            SnapshotReader.Parse(Body("authorization_2022-04-01_GetDenyAssignmentsForResourceGroup.json"), "GetDenyAssignments"));

        Assert.Equal(ErrorIds.SnapshotInvalid, error.ErrorId);
        Assert.Equal(
            "GetDenyAssignments: $.value[0].properties.scope: '/subscriptions/subId/resourcegroups/rgname' is not a valid scope: the subscription id 'subId' is not a GUID.",
            error.Message);
    }

    [Fact]
    public void Deny_assignments_example_reads_once_its_subscription_is_real()
    {
        var body = Body("authorization_2022-04-01_GetDenyAssignmentsForResourceGroup.json").Replace("subId", "099041be-6a92-430e-9f47-32340e216c45");

        var deny = Assert.Single(SnapshotReader.Parse(body, "GetDenyAssignments").DenyAssignments);

        Assert.Equal("Deny assignment name", deny.Name);
        Assert.Equal(new[] { "principalid1" }, deny.Principals);
        Assert.Equal(new[] { "principalid2" }, deny.ExcludePrincipals);
        Assert.Equal(new[] { "action" }, deny.Permissions[0].DataActions);
        Assert.False(deny.DoNotApplyToChildScopes);
        Assert.True(deny.IsSystemProtected);
    }

    [Fact]
    public void Preview_role_assignment_keeps_condition_and_unknown_principal_type()
    {
        var body = Body("authorization_2020-04-01-preview_GetRoleAssignmentsForResourceGroup.json").Replace("subId", "099041be-6a92-430e-9f47-32340e216c45");

        var assignment = Assert.Single(SnapshotReader.Parse(body, "GetRoleAssignmentsForResourceGroup").RoleAssignments);

        Assert.Equal("@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] StringEqualsIgnoreCase 'foo_storage_container'", assignment.Condition);
        Assert.Equal("1.0", assignment.ConditionVersion);
        Assert.Equal(PrincipalType.Unknown, assignment.PrincipalType); // "Ptype"
        Assert.Equal("roledefinitionid", assignment.RoleDefinitionId);
    }

    [Fact]
    public void Docs_output_with_placeholders_is_refused()
    {
        var json = File.ReadAllText(TestFiles.ArmExample("authorization_docs_role-assignments-list-rest_output.json"));

        var error = Assert.Throws<AmlRbacException>(() => SnapshotReader.Parse(json, "docs"));

        Assert.StartsWith("docs: $.value[0].properties.scope: '/subscriptions/{subscriptionId1}' is not a valid scope: it still holds a placeholder", error.Message);
    }
}
