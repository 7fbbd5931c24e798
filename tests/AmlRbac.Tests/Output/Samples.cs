using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Output;

/// <summary>Hand-made decisions with every reason kind, so formatting tests do not depend on any tenant.</summary>
internal static class Samples
{
    public const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
    public const string DevGroup = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev";
    public const string DevWorkspace = DevGroup + "/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";

    public static Reason Grant => new()
    {
        Kind = ReasonKind.Grant,
        AssignmentId = DevWorkspace + "/providers/Microsoft.Authorization/roleAssignments/fd26bb99-e26d-49cf-9527-0fa5155aa62d",
        RoleDefinitionId = "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815",
        RoleName = "AzureML Compute Operator",
        Scope = DevWorkspace,
        Pattern = "Microsoft.MachineLearningServices/workspaces/computes/*",
        ViaGroupId = "5a95c1c1-0507-470d-ac29-fc08dcb97738",
        ViaGroupName = "ml-data-scientists",
    };

    public static Reason Excluded => new()
    {
        Kind = ReasonKind.ExcludedByNotAction,
        AssignmentId = DevGroup + "/providers/Microsoft.Authorization/roleAssignments/ae22abad-73ce-4b5c-b02b-400692f28d93",
        RoleDefinitionId = "f6c7c914-8db3-469d-8ca1-694a8f32e121",
        RoleName = "AzureML Data Scientist",
        Scope = DevGroup,
        Pattern = "Microsoft.MachineLearningServices/workspaces/computes/*/write",
        ViaGroupId = "5a95c1c1-0507-470d-ac29-fc08dcb97738",
        ViaGroupName = "ml-data-scientists",
    };

    public static Reason Deny => new()
    {
        Kind = ReasonKind.BlockedByDeny,
        Scope = DevGroup,
        Pattern = "Microsoft.MachineLearningServices/workspaces/computes/delete",
        DenyAssignmentId = DevGroup + "/providers/Microsoft.Authorization/denyAssignments/0b8f5a8e-0000-4000-8000-000000000001",
        DenyAssignmentName = "protect-dev-compute",
    };

    public static readonly RoleSuggestion[] Suggestions =
    {
        new("e503ece1-11d0-4e8e-8e2c-7a6c3bf38815", "AzureML Compute Operator", 12),
        new("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor", 400),
        new("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner", 469),
    };

    public static Decision Check(Outcome outcome, params Reason[] reasons) => new()
    {
        Outcome = outcome,
        PrincipalId = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8",
        Action = ComputeWrite,
        Scope = DevWorkspace,
        Reasons = reasons,
        WouldBeGrantedBy = outcome == Outcome.Allowed ? Array.Empty<RoleSuggestion>() : Suggestions,
    };
}
