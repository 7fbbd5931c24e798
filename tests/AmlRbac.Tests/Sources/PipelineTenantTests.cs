using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// The tenant built from Az objects piped into a cmdlet, one property bag at a time, with the property
/// names of Get-AzRoleAssignment, Get-AzRoleDefinition and Get-AzDenyAssignment output ([AZPS-AUTH]).
/// </summary>
public sealed class PipelineTenantTests
{
    private static Dictionary<string, object?> Assignment(string id, string objectId = Contoso.Alice) => new()
    {
        ["RoleAssignmentId"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments/" + id,
        ["Scope"] = Contoso.DevWorkspace,
        ["DisplayName"] = "Alice Chen",
        ["SignInName"] = "alice@contoso.com",
        ["RoleDefinitionName"] = "AzureML Compute Operator",
        ["RoleDefinitionId"] = Contoso.ComputeOperator,
        ["ObjectId"] = objectId,
        ["ObjectType"] = "User",
        ["CanDelegate"] = false,
    };

    private static readonly Dictionary<string, object?> RoleDefinition = new()
    {
        ["Name"] = "Compute Starter",
        ["Id"] = "0f0c6a3e-6e8f-4c7a-9d0e-1b2c3d4e5f60",
        ["IsCustom"] = true,
        ["Description"] = "Starts compute.",
        ["Actions"] = new List<string> { "Microsoft.MachineLearningServices/workspaces/computes/start/action" },
        ["NotActions"] = new List<string>(),
        ["DataActions"] = new List<string>(),
        ["NotDataActions"] = new List<string>(),
        ["AssignableScopes"] = new List<string> { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45" },
    };

    private static readonly Dictionary<string, object?> DenyAssignment = new()
    {
        ["Id"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/denyAssignments/d1",
        ["DenyAssignmentName"] = "Deny delete",
        ["Actions"] = new List<string> { "*/delete" },
        ["Scope"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45",
        ["Principals"] = new List<object> { new Dictionary<string, object?> { ["ObjectId"] = ObjectIds.AllPrincipals, ["ObjectType"] = "SystemDefined" } },
        ["ExcludePrincipals"] = new List<object>(),
    };

    [Fact]
    public void Keeps_assignments_definitions_and_denies()
    {
        var piped = new PipelineTenant();

        piped.Add(Assignment("a1"), "input object 1 (PSRoleAssignment)");
        piped.Add(RoleDefinition, "input object 2 (PSRoleDefinition)");
        piped.Add(DenyAssignment, "input object 3 (PSDenyAssignment)");
        var tenant = piped.ToTenant();

        Assert.Equal(Contoso.Alice, Assert.Single(tenant.RoleAssignments).PrincipalId);
        Assert.Equal("Compute Starter", Assert.Single(tenant.RoleDefinitions).Name);
        Assert.Equal("Deny delete", Assert.Single(tenant.DenyAssignments).Name);
        Assert.True(piped.HasObjects);
        Assert.False(piped.IsEmpty);
    }

    [Fact]
    public void Keeps_the_names_Get_AzRoleAssignment_gives_the_principal()
    {
        var piped = new PipelineTenant();

        piped.Add(Assignment("a1"), "input object 1");
        var principal = Assert.Single(piped.ToTenant().Principals);

        Assert.Equal((Contoso.Alice, "Alice Chen", "alice@contoso.com", PrincipalType.User),
            (principal.Id, principal.DisplayName, principal.UserPrincipalName, principal.Type));
    }

    [Fact]
    public void An_assignment_piped_twice_is_kept_once()
    {
        var piped = new PipelineTenant();

        piped.Add(Assignment("a1"), "input object 1");
        piped.Add(Assignment("a1"), "input object 2");
        piped.Add(Assignment("a2", Contoso.Bob), "input object 3");

        Assert.Equal(2, piped.ToTenant().RoleAssignments.Count);
    }

    [Fact]
    public void An_unreadable_item_is_InputObjectInvalid_naming_it_and_the_others_still_count()
    {
        var piped = new PipelineTenant();
        piped.Add(Assignment("a1"), "input object 1");

        var error = Assert.Throws<AmlRbacException>(() => piped.Add(new Dictionary<string, object?> { ["Foo"] = 1 }, "input object 2 (PSCustomObject)"));
        piped.Add(Assignment("a2", Contoso.Bob), "input object 3");

        Assert.Equal((ErrorIds.InputObjectInvalid, FailureCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Contains("input object 2 (PSCustomObject)", error.Message);
        Assert.Equal(2, piped.ToTenant().RoleAssignments.Count);
    }

    [Fact]
    public void An_item_that_only_named_a_subject_is_not_an_error_and_not_a_source()
    {
        var piped = new PipelineTenant();

        piped.Add(new Dictionary<string, object?> { ["Id"] = Contoso.DevWorkspace, ["Name"] = "mlw-dev" }, "input object 1 (Workspace)", isSubject: true);

        Assert.False(piped.HasObjects);
        Assert.False(piped.IsEmpty);
        Assert.Empty(piped.ToTenant().RoleAssignments);
    }

    [Fact]
    public void An_Az_object_that_also_named_the_subject_is_read()
    {
        var piped = new PipelineTenant();

        piped.Add(Assignment("a1"), "input object 1", isSubject: true);

        Assert.True(piped.HasObjects);
        Assert.Single(piped.ToTenant().RoleAssignments);
    }

    [Fact]
    public void Nothing_piped_is_empty()
    {
        var piped = new PipelineTenant();

        Assert.True(piped.IsEmpty);
        Assert.False(piped.HasObjects);
    }
}
