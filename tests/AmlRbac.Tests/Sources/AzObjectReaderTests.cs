using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// Az objects piped into a cmdlet arrive as property bags (the cmdlets' PropertyBag); nested objects may
/// be bags or plain objects. Property names and types follow Azure/azure-powershell
/// Models.Authorization ([AZPS-AUTH]).
/// </summary>
public sealed class AzObjectReaderTests
{
    private static readonly List<string> NoStrings = new();

    [Fact]
    public void PSRoleAssignment_is_a_role_assignment()
    {
        var bag = new Dictionary<string, object?>
        {
            ["RoleAssignmentId"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments/ra1",
            ["Scope"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/",
            ["DisplayName"] = "Alice Chen",
            ["SignInName"] = "alice@contoso.com",
            ["RoleDefinitionName"] = "Reader",
            ["RoleDefinitionId"] = "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            ["ObjectId"] = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8",
            ["ObjectType"] = "User",
            ["CanDelegate"] = false,
            ["Condition"] = "",
            ["ConditionVersion"] = null,
        };

        var assignment = Assert.IsType<RoleAssignment>(AzObjectReader.Read(bag, "input object 1 (PSRoleAssignment)"));

        Assert.Equal("acdd72a7-3385-48ef-bd42-f606fba81ae7", assignment.RoleDefinitionId);
        Assert.Equal("f654bbdb-76f3-4d0a-8bc9-337e384a70b8", assignment.PrincipalId);
        Assert.Equal(PrincipalType.User, assignment.PrincipalType);
        Assert.Equal("/subscriptions/099041be-6a92-430e-9f47-32340e216c45", assignment.Scope);
        Assert.Null(assignment.Condition); // an empty Condition is no condition
        Assert.False(assignment.IsEligible);
    }

    [Fact]
    public void PSRoleDefinition_before_10_has_flat_lists()
    {
        var bag = new Dictionary<string, object?>
        {
            ["Name"] = "AzureML Compute Operator",
            ["Id"] = "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
            ["IsCustom"] = false,
            ["Description"] = "Can access and perform CRUD operations on Machine Learning Services managed compute resources.",
            ["Actions"] = new List<string> { "Microsoft.MachineLearningServices/workspaces/computes/*", "Microsoft.MachineLearningServices/workspaces/notebooks/vm/*" },
            ["NotActions"] = NoStrings,
            ["DataActions"] = NoStrings,
            ["NotDataActions"] = NoStrings,
            ["AssignableScopes"] = new[] { "/" },
            ["Condition"] = null,
            ["ConditionVersion"] = null,
        };

        var role = Assert.IsType<RoleDefinition>(AzObjectReader.Read(bag, "input object 1 (PSRoleDefinition)"));

        Assert.Equal("e503ece1-11d0-4e8e-8e2c-7a6c3bf38815", role.Id);
        Assert.Equal("AzureML Compute Operator", role.Name);
        Assert.False(role.IsCustom);
        Assert.Equal(2, Assert.Single(role.Permissions).Actions.Count);
        Assert.Equal(new[] { "/" }, role.AssignableScopes);
        Assert.Equal("input object 1 (PSRoleDefinition)", role.Source);
    }

    [Fact]
    public void PSRoleDefinition_from_10_has_permission_bags()
    {
        var bag = new Dictionary<string, object?>
        {
            ["Name"] = "MLOps Custom",
            ["Id"] = Guid.Parse("f05f127a-f439-453c-a824-b95afc7138b4"),
            ["IsCustom"] = true,
            ["AssignableScopes"] = new List<object?> { "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0" },
            ["Permissions"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["Actions"] = new List<object?> { "Microsoft.MachineLearningServices/workspaces/read" },
                    ["NotActions"] = new List<object?> { "Microsoft.MachineLearningServices/workspaces/computes/write" },
                    ["DataActions"] = new List<object?>(),
                    ["NotDataActions"] = new List<object?>(),
                    ["ActionsString"] = "Microsoft.MachineLearningServices/workspaces/read",
                    ["Condition"] = null,
                    ["ConditionVersion"] = null,
                },
            },
        };

        var role = Assert.IsType<RoleDefinition>(AzObjectReader.Read(bag, "input object 2 (PSRoleDefinition)"));

        Assert.Equal("f05f127a-f439-453c-a824-b95afc7138b4", role.Id);
        Assert.True(role.IsCustom);
        var block = Assert.Single(role.Permissions);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/read" }, block.Actions);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/computes/write" }, block.NotActions);
    }

    [Fact]
    public void Nested_plain_objects_are_read_by_their_properties()
    {
        var bag = new Dictionary<string, object?>
        {
            ["Name"] = "Two Blocks",
            ["Id"] = "95dd08a6-00bd-4661-84bf-f6726f83a4d0",
            ["IsCustom"] = false,
            ["Permissions"] = new[]
            {
                new PermissionObject { Actions = new List<string> { "a/read" } },
                new PermissionObject { Actions = new List<string> { "b/write" }, Condition = "@Resource[x] StringEquals 'y'", ConditionVersion = "2.0" },
            },
        };

        var role = Assert.IsType<RoleDefinition>(AzObjectReader.Read(bag, "role"));

        Assert.Equal(new[] { "a/read", "b/write" }, role.Permissions.SelectMany(p => p.Actions));
        Assert.Equal("@Resource[x] StringEquals 'y'", role.Permissions[1].Condition);
    }

    [Fact]
    public void PSDenyAssignment_has_principal_objects_with_guid_ids()
    {
        var bag = new Dictionary<string, object?>
        {
            ["Id"] = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.Authorization/denyAssignments/c5dbd510",
            ["DenyAssignmentName"] = "Deny delete: deployment stack ml-prod-platform",
            ["Description"] = null,
            ["Actions"] = new List<string> { "*/delete" },
            ["NotActions"] = new List<string> { "Microsoft.MachineLearningServices/workspaces/jobs/delete" },
            ["DataActions"] = NoStrings,
            ["NotDataActions"] = NoStrings,
            ["Scope"] = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod",
            ["DoNotApplyToChildScopes"] = false,
            ["Principals"] = new List<PrincipalObject> { new() { DisplayName = "All Principals", ObjectType = "SystemDefined", ObjectId = Guid.Empty } },
            ["ExcludePrincipals"] = new List<PrincipalObject> { new() { DisplayName = "Carol Diaz", ObjectType = "User", ObjectId = Guid.Parse("d0a750e3-0e35-4166-afb7-2ba4596dbd90") } },
            ["IsSystemProtected"] = true,
        };

        var deny = Assert.IsType<DenyAssignment>(AzObjectReader.Read(bag, "input object 1 (PSDenyAssignment)"));

        Assert.Equal(new[] { ObjectIds.AllPrincipals }, deny.Principals);
        Assert.Equal(new[] { "d0a750e3-0e35-4166-afb7-2ba4596dbd90" }, deny.ExcludePrincipals);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/jobs/delete" }, Assert.Single(deny.Permissions).NotActions);
        Assert.False(deny.DoNotApplyToChildScopes);
        Assert.True(deny.IsSystemProtected);
    }

    [Theory]
    [InlineData("ServicePrincipal", PrincipalType.ServicePrincipal)]
    [InlineData("group", PrincipalType.Group)]
    [InlineData(3, PrincipalType.ServicePrincipal)]
    [InlineData(PrincipalType.ForeignGroup, PrincipalType.ForeignGroup)]
    [InlineData("DirectoryRoleTemplate", PrincipalType.Unknown)]
    [InlineData(42, PrincipalType.Unknown)]
    public void Object_type_may_be_a_name_a_number_or_an_enum(object objectType, PrincipalType expected)
    {
        var bag = new Dictionary<string, object?>
        {
            ["RoleAssignmentId"] = "ra1", ["Scope"] = "/", ["RoleDefinitionId"] = "acdd72a7-3385-48ef-bd42-f606fba81ae7",
            ["ObjectId"] = "6e046c79-bbbe-4071-9866-a468e620b5df", ["ObjectType"] = objectType,
        };

        var assignment = Assert.IsType<RoleAssignment>(AzObjectReader.Read(bag, "item"));

        Assert.Equal(expected, assignment.PrincipalType);
    }

    [Fact]
    public void Unrecognized_object_is_input_object_invalid_naming_the_item()
    {
        var bag = new Dictionary<string, object?> { ["ResourceGroupName"] = "rg-ml-dev", ["Location"] = "westeurope" };

        var error = Assert.Throws<AmlRbacException>(() => AzObjectReader.Read(bag, "input object 4 (PSResourceGroup)"));

        Assert.Equal(ErrorIds.InputObjectInvalid, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.StartsWith("input object 4 (PSResourceGroup): it is not a role assignment", error.Message);
    }

    [Fact]
    public void Wrong_property_type_names_the_property()
    {
        var bag = new Dictionary<string, object?> { ["Name"] = "R", ["Id"] = "r1", ["IsCustom"] = true, ["Actions"] = 5 };

        var error = Assert.Throws<AmlRbacException>(() => AzObjectReader.Read(bag, "input object 2 (PSRoleDefinition)"));

        Assert.Equal(ErrorIds.InputObjectInvalid, error.ErrorId);
        Assert.Equal("input object 2 (PSRoleDefinition): Actions: expected an array of strings, found a number.", error.Message);
    }

    [Fact]
    public void Missing_property_names_it()
    {
        var bag = new Dictionary<string, object?> { ["RoleAssignmentId"] = "ra1", ["RoleDefinitionId"] = "acdd72a7-3385-48ef-bd42-f606fba81ae7", ["ObjectId"] = "p1" };

        var error = Assert.Throws<AmlRbacException>(() => AzObjectReader.Read(bag, "input object 1 (PSRoleAssignment)"));

        Assert.Equal("input object 1 (PSRoleAssignment): scope: the required field is missing.", error.Message);
    }

    /// <summary>Shaped like Az's PSPermission.</summary>
    private sealed class PermissionObject
    {
        public List<string> Actions { get; init; } = new();
        public List<string> NotActions { get; init; } = new();
        public List<string> DataActions { get; init; } = new();
        public List<string> NotDataActions { get; init; } = new();
        public string ActionsString => string.Join(", ", Actions);
        public string? Condition { get; init; }
        public string? ConditionVersion { get; init; }
    }

    /// <summary>Shaped like Az's PSPrincipal (ObjectId is a Guid there).</summary>
    private sealed class PrincipalObject
    {
        public string? DisplayName { get; init; }
        public string? ObjectType { get; init; }
        public Guid ObjectId { get; init; }
    }
}
