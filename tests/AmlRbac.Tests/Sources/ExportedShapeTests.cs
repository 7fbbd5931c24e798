using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// Files users already have read as snapshots: Get-AzRoleAssignment / Get-AzRoleDefinition (both shapes) /
/// Get-AzDenyAssignment piped to ConvertTo-Json, and the Azure CLI's role lists. The samples follow the
/// classes of [AZPS-AUTH] and [AZPS-PERMISSIONS] and the CLI's lower-camel output.
/// </summary>
public sealed class ExportedShapeTests
{
    private const string Sub = "099041be-6a92-430e-9f47-32340e216c45";

    private static Tenant Read(string json) => SnapshotReader.Parse(json, "export.json");

    [Fact]
    public void Get_AzRoleAssignment_export_is_a_snapshot()
    {
        var tenant = Read($$"""
            [
              {
                "RoleAssignmentName": "c5e5d849-87a1-4766-aa06-5d1d5b817ec5",
                "RoleAssignmentId": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev/providers/Microsoft.Authorization/roleAssignments/c5e5d849-87a1-4766-aa06-5d1d5b817ec5",
                "Scope": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev",
                "DisplayName": "Alice Chen",
                "SignInName": "alice@contoso.com",
                "RoleDefinitionName": "AzureML Data Scientist",
                "RoleDefinitionId": "f6c7c914-8db3-469d-8ca1-694a8f32e121",
                "ObjectId": "F654BBDB-76F3-4D0A-8BC9-337E384A70B8",
                "ObjectType": "User",
                "CanDelegate": false,
                "Description": null,
                "ConditionVersion": null,
                "Condition": null
              },
              {
                "RoleAssignmentId": "/subscriptions/{{Sub}}/providers/Microsoft.Authorization/roleAssignments/a6edd770-65e6-4758-acaa-c404c40b9ee2",
                "Scope": "/subscriptions/{{Sub}}",
                "DisplayName": "sp-mlops",
                "RoleDefinitionId": "b24988ac-6180-42a0-ab88-20f7382dd24c",
                "ObjectId": "6e046c79-bbbe-4071-9866-a468e620b5df",
                "ObjectType": 3,
                "CanDelegate": false
              }
            ]
            """);

        Assert.Equal(2, tenant.RoleAssignments.Count);
        var alice = tenant.RoleAssignments[0];
        Assert.Equal("f654bbdb-76f3-4d0a-8bc9-337e384a70b8", alice.PrincipalId);
        Assert.Equal(PrincipalType.User, alice.PrincipalType);
        Assert.Equal("f6c7c914-8db3-469d-8ca1-694a8f32e121", alice.RoleDefinitionId);
        Assert.Equal($"/subscriptions/{Sub}/resourceGroups/rg-ml-dev", alice.Scope);
        Assert.EndsWith("/roleAssignments/c5e5d849-87a1-4766-aa06-5d1d5b817ec5", alice.Id);
        Assert.Null(alice.Condition);
        Assert.False(alice.IsEligible);
        // ObjectType written as a number: AmlRbac's PrincipalType value 3.
        Assert.Equal(PrincipalType.ServicePrincipal, tenant.RoleAssignments[1].PrincipalType);
        // The names beside each assignment become principals, so questions can say "alice@contoso.com".
        Assert.Equal(new (string?, string?)[] { ("Alice Chen", "alice@contoso.com"), ("sp-mlops", null) },
            tenant.Principals.Select(p => (p.DisplayName, p.UserPrincipalName)));
    }

    [Fact]
    public void Get_AzRoleDefinition_before_Az_Resources_10_has_flat_actions()
    {
        var tenant = Read("""
            {
              "Name": "MLOps Custom",
              "Id": "f05f127a-f439-453c-a824-b95afc7138b4",
              "IsCustom": true,
              "Description": "Can run pipelines against a published pipeline endpoint",
              "Actions": [ "Microsoft.MachineLearningServices/workspaces/read", "Microsoft.MachineLearningServices/workspaces/experiments/runs/submit/action" ],
              "NotActions": [ "Microsoft.MachineLearningServices/workspaces/computes/write" ],
              "DataActions": [],
              "NotDataActions": [],
              "AssignableScopes": [ "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0" ],
              "Condition": null,
              "ConditionVersion": null
            }
            """);

        var role = Assert.Single(tenant.RoleDefinitions);
        Assert.Equal("f05f127a-f439-453c-a824-b95afc7138b4", role.Id);
        Assert.Equal("MLOps Custom", role.Name);
        Assert.True(role.IsCustom);
        var block = Assert.Single(role.Permissions);
        Assert.Equal(2, block.Actions.Count);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/computes/write" }, block.NotActions);
        Assert.Null(block.Condition);
        Assert.Equal(new[] { "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0" }, role.AssignableScopes);
    }

    [Fact]
    public void Get_AzRoleDefinition_from_Az_Resources_10_has_permission_blocks()
    {
        // The shape of azure-powershell PR #29060's output example: AssignableScopes before Permissions, one block per condition.
        var tenant = Read("""
            [ {
              "Name": "Azure Container Storage Contributor",
              "Id": "95dd08a6-00bd-4661-84bf-f6726f83a4d0",
              "IsCustom": false,
              "Description": "Lets you install Azure Container Storage and manage its storage resources",
              "AssignableScopes": [ "/" ],
              "Permissions": [
                { "Actions": [ "Microsoft.KubernetesConfiguration/extensions/write" ], "NotActions": [], "DataActions": [], "NotDataActions": [],
                  "Condition": null, "ConditionVersion": null },
                { "Actions": [ "Microsoft.Authorization/roleAssignments/write" ], "NotActions": [], "DataActions": [], "NotDataActions": [],
                  "Condition": "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {ba92f5b4-2d11-453d-a403-e96b0029c9fe}))",
                  "ConditionVersion": "2.0" }
              ]
            } ]
            """);

        var role = Assert.Single(tenant.RoleDefinitions);
        Assert.False(role.IsCustom);
        Assert.Equal(2, role.Permissions.Count);
        Assert.Null(role.Permissions[0].Condition);
        Assert.Equal(new[] { "Microsoft.Authorization/roleAssignments/write" }, role.Permissions[1].Actions);
        Assert.StartsWith("((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))", role.Permissions[1].Condition);
        Assert.Equal("2.0", role.Permissions[1].ConditionVersion);
    }

    [Fact]
    public void Get_AzDenyAssignment_export_has_flat_actions_and_principal_objects()
    {
        var tenant = Read($$"""
            [ {
              "Id": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev/providers/Microsoft.Authorization/denyAssignments/769ba73e-3869-4d1a-bae3-bb64060c0403",
              "DenyAssignmentName": "Deny delete: deployment stack ml-dev-platform",
              "Description": "Created by a deployment stack",
              "Actions": [ "*/delete" ],
              "NotActions": [ "Microsoft.Resources/deployments/delete" ],
              "DataActions": [],
              "NotDataActions": [],
              "Scope": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev",
              "DoNotApplyToChildScopes": true,
              "Principals": [ { "DisplayName": "All Principals", "ObjectType": "SystemDefined", "ObjectId": "00000000000000000000000000000000" } ],
              "ExcludePrincipals": [ { "DisplayName": "Carol Diaz", "ObjectType": "User", "ObjectId": "d0a750e3-0e35-4166-afb7-2ba4596dbd90" } ],
              "IsSystemProtected": true
            } ]
            """);

        var deny = Assert.Single(tenant.DenyAssignments);
        Assert.Equal("Deny delete: deployment stack ml-dev-platform", deny.Name);
        Assert.Equal(new[] { "*/delete" }, Assert.Single(deny.Permissions).Actions);
        Assert.Equal(new[] { "Microsoft.Resources/deployments/delete" }, deny.Permissions[0].NotActions);
        // The all-principals id in its 32-zero form, normalized.
        Assert.Equal(new[] { ObjectIds.AllPrincipals }, deny.Principals);
        Assert.Equal(new[] { "d0a750e3-0e35-4166-afb7-2ba4596dbd90" }, deny.ExcludePrincipals);
        Assert.True(deny.DoNotApplyToChildScopes);
        Assert.True(deny.IsSystemProtected);
    }

    [Fact]
    public void Az_role_definition_list_names_the_guid_name()
    {
        var tenant = Read("""
            [ {
              "assignableScopes": [ "/" ],
              "description": "Can create, manage, delete, and access compute resources within a workspace.",
              "id": "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleDefinitions/e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
              "name": "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
              "permissions": [ { "actions": [ "Microsoft.MachineLearningServices/workspaces/computes/*" ], "dataActions": [], "notActions": [], "notDataActions": [] } ],
              "roleName": "AzureML Compute Operator",
              "roleType": "BuiltInRole",
              "type": "Microsoft.Authorization/roleDefinitions"
            }, {
              "assignableScopes": [ "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0" ],
              "id": "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/providers/Microsoft.Authorization/roleDefinitions/ebe19fed-7767-445f-9771-ae3c27aa64f2",
              "name": "ebe19fed-7767-445f-9771-ae3c27aa64f2",
              "permissions": [ { "actions": [ "Microsoft.MachineLearningServices/workspaces/*/read" ], "dataActions": [], "notActions": [], "notDataActions": [] } ],
              "roleName": "Workspace Admin Custom",
              "roleType": "CustomRole",
              "type": "Microsoft.Authorization/roleDefinitions"
            } ]
            """);

        Assert.Equal(new[] { ("e503ece1-11d0-4e8e-8e2c-7a6c3bf38815", "AzureML Compute Operator", false), ("ebe19fed-7767-445f-9771-ae3c27aa64f2", "Workspace Admin Custom", true) },
            tenant.RoleDefinitions.Select(r => (r.Id, r.Name, r.IsCustom)));
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/computes/*" }, tenant.RoleDefinitions[0].Permissions[0].Actions);
    }

    [Fact]
    public void Az_role_assignment_list_is_read_with_principal_names()
    {
        var tenant = Read($$"""
            [ {
              "condition": null, "conditionVersion": null,
              "createdBy": "d0a750e3-0e35-4166-afb7-2ba4596dbd90", "createdOn": "2025-03-04T10:11:12.000000+00:00",
              "delegatedManagedIdentityResourceId": null, "description": null,
              "id": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev/providers/Microsoft.Authorization/roleAssignments/ae22abad-73ce-4b5c-b02b-400692f28d93",
              "name": "ae22abad-73ce-4b5c-b02b-400692f28d93",
              "principalId": "588b8f66-b284-43e5-932a-21ade104cbfe",
              "principalName": "bob@contoso.com",
              "principalType": "User",
              "resourceGroup": "rg-ml-dev",
              "roleDefinitionId": "/subscriptions/{{Sub}}/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121",
              "roleDefinitionName": "AzureML Data Scientist",
              "scope": "/subscriptions/{{Sub}}/resourceGroups/rg-ml-dev",
              "type": "Microsoft.Authorization/roleAssignments"
            }, {
              "id": "/subscriptions/{{Sub}}/providers/Microsoft.Authorization/roleAssignments/ece5a7bb-2829-4511-8e9f-7c4ec18941f2",
              "principalId": "5a95c1c1-0507-470d-ac29-fc08dcb97738",
              "principalName": "ml-data-scientists",
              "principalType": "Group",
              "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
              "scope": "/subscriptions/{{Sub}}",
              "type": "Microsoft.Authorization/roleAssignments"
            } ]
            """);

        Assert.Equal(new[] { "f6c7c914-8db3-469d-8ca1-694a8f32e121", "acdd72a7-3385-48ef-bd42-f606fba81ae7" }, tenant.RoleAssignments.Select(a => a.RoleDefinitionId));
        Assert.Equal(new[] { PrincipalType.User, PrincipalType.Group }, tenant.RoleAssignments.Select(a => a.PrincipalType));
        // A user's principalName is its sign-in name; any other principal's is a display name.
        Assert.Equal(new (string?, string?)[] { (null, "bob@contoso.com"), ("ml-data-scientists", null) },
            tenant.Principals.Select(p => (p.DisplayName, p.UserPrincipalName)));
    }

    [Fact]
    public void Eligibility_schedule_instances_are_eligible_assignments()
    {
        // The spec example GetRoleEligibilityScheduleInstancesByScope.json (Microsoft.Authorization 2020-10-01), one list page.
        var tenant = Read("""
            { "value": [ {
              "properties": {
                "scope": "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f",
                "roleDefinitionId": "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
                "principalId": "a3bb8764-cb92-4276-9d2a-ca1e895e55ea",
                "principalType": "User",
                "status": "Provisioned",
                "roleEligibilityScheduleId": "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/RoleEligibilitySchedules/b1477448-2cc6-4ceb-93b4-54a202a89413",
                "startDateTime": "2020-09-10T00:32:36.86Z",
                "endDateTime": "2021-09-10T00:31:41.477Z",
                "memberType": "Direct",
                "condition": "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:ContainerName] StringEqualsIgnoreCase 'foo_storage_container'",
                "conditionVersion": "1.0",
                "expandedProperties": { "principal": { "id": "a3bb8764-cb92-4276-9d2a-ca1e895e55ea", "displayName": "User Account", "type": "User" } }
              },
              "name": "21e4b59a-0499-4fe0-a3c3-43a3055b773a",
              "id": "/subscriptions/dfa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/RoleEligibilityScheduleInstances/21e4b59a-0499-4fe0-a3c3-43a3055b773a",
              "type": "Microsoft.Authorization/RoleEligibilityScheduleInstances"
            } ] }
            """);

        var eligible = Assert.Single(tenant.RoleAssignments);
        Assert.True(eligible.IsEligible);
        Assert.Equal("b24988ac-6180-42a0-ab88-20f7382dd24c", eligible.RoleDefinitionId);
        Assert.Equal("a3bb8764-cb92-4276-9d2a-ca1e895e55ea", eligible.PrincipalId);
        Assert.Equal("1.0", eligible.ConditionVersion);
    }

    [Fact]
    public void An_array_may_mix_kinds_and_names_match_in_any_case()
    {
        var tenant = Read($$"""
            [
              { "ROLEASSIGNMENTID": "ra1", "scope": "/subscriptions/{{Sub}}", "roledefinitionid": "acdd72a7-3385-48ef-bd42-f606fba81ae7", "objectid": "588b8f66-b284-43e5-932a-21ade104cbfe" },
              { "name": "Lab Reader", "id": "1a2b3c4d-0000-4000-8000-000000000001", "actions": [ "*/read" ] },
              { "id": "d1", "denyAssignmentName": "deny", "scope": "/subscriptions/{{Sub}}", "principals": [ { "id": "00000000-0000-0000-0000-000000000000" } ] }
            ]
            """);

        Assert.Equal("ra1", Assert.Single(tenant.RoleAssignments).Id);
        Assert.Equal(PrincipalType.Unknown, tenant.RoleAssignments[0].PrincipalType);
        Assert.Equal("Lab Reader", Assert.Single(tenant.RoleDefinitions).Name);
        Assert.False(tenant.RoleDefinitions[0].IsCustom);
        Assert.Equal("deny", Assert.Single(tenant.DenyAssignments).Name);
    }

    [Fact]
    public void Principals_section_wins_over_names_exported_beside_assignments()
    {
        var tenant = Read($$"""
            { "schemaVersion": 1,
              "roleAssignments": [ { "RoleAssignmentId": "ra1", "Scope": "/subscriptions/{{Sub}}", "RoleDefinitionId": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
                                     "ObjectId": "588b8f66-b284-43e5-932a-21ade104cbfe", "ObjectType": "User", "DisplayName": "bob (old name)" } ],
              "principals": [ { "id": "588b8f66-b284-43e5-932a-21ade104cbfe", "type": "User", "displayName": "Bob Okafor" } ] }
            """);

        Assert.Equal("Bob Okafor", Assert.Single(tenant.Principals).DisplayName);
    }

    [Fact]
    public void Groups_may_nest_in_a_cycle()
    {
        var tenant = Read("""
            { "schemaVersion": 1, "groups": [
              { "id": "5A95C1C1-0507-470D-AC29-FC08DCB97738", "displayName": "a", "members": [ "b0300632fffb40dfa775f217caa9756a" ] },
              { "id": "b0300632-fffb-40df-a775-f217caa9756a", "displayName": "b", "members": [ "5a95c1c1-0507-470d-ac29-fc08dcb97738" ] } ] }
            """);

        Assert.Equal(new[] { "5a95c1c1-0507-470d-ac29-fc08dcb97738", "b0300632-fffb-40df-a775-f217caa9756a" }, tenant.Groups.Select(g => g.Id));
        Assert.Equal(new[] { "b0300632-fffb-40df-a775-f217caa9756a" }, tenant.Groups[0].Members);
        Assert.Equal(new[] { "5a95c1c1-0507-470d-ac29-fc08dcb97738" }, tenant.Groups[1].Members);
    }
}
