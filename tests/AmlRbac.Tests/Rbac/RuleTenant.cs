using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Rbac;

/// <summary>A few fixed ids and scopes, and terse builders, for the one-rule tenants of the rule tests.</summary>
internal static class RuleTenant
{
    public const string Alice = "a11ce000-0000-4000-8000-000000000001";
    public const string Bob = "b0b00000-0000-4000-8000-000000000002";
    public const string TeamGroup = "9a000000-0000-4000-8000-000000000010";
    public const string DepartmentGroup = "9a000000-0000-4000-8000-000000000011";
    public const string DivisionGroup = "9a000000-0000-4000-8000-000000000012";

    public const string Subscription = "11111111-1111-4111-8111-111111111111";
    public const string OtherSubscription = "22222222-2222-4222-8222-222222222222";
    public const string SubscriptionScope = "/subscriptions/" + Subscription;
    public const string Rg1 = SubscriptionScope + "/resourceGroups/rg1";
    public const string Rg10 = SubscriptionScope + "/resourceGroups/rg10";
    public const string Workspace = Rg1 + "/providers/Microsoft.MachineLearningServices/workspaces/ws1";
    public const string Compute = Workspace + "/computes/cpu1";

    public const string Ml = "Microsoft.MachineLearningServices/";
    public const string ComputeWrite = Ml + "workspaces/computes/write";
    public const string ComputeRead = Ml + "workspaces/computes/read";
    public const string WorkspaceRead = Ml + "workspaces/read";
    public const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";

    private static int _next;

    public static RoleDefinition Role(string name, params Permission[] blocks) => new()
    {
        Id = $"c0000000-0000-4000-8000-{Interlocked.Increment(ref _next):x12}",
        Name = name,
        IsCustom = true,
        Permissions = blocks,
        AssignableScopes = new[] { SubscriptionScope },
    };

    public static Permission Allow(params string[] actions) => new() { Actions = actions };

    public static RoleAssignment Assign(string principal, RoleDefinition role, string scope, string? condition = null, bool eligible = false) => new()
    {
        Id = $"ra-{Interlocked.Increment(ref _next)}",
        PrincipalId = principal,
        RoleDefinitionId = role.Id,
        Scope = scope,
        Condition = condition,
        ConditionVersion = condition is null ? null : "2.0",
        IsEligible = eligible,
    };

    public static AccessEvaluator Engine(IEnumerable<RoleDefinition> roles, IEnumerable<RoleAssignment> assignments,
        IEnumerable<DenyAssignment>? denies = null, IEnumerable<Group>? groups = null, IEnumerable<ManagementGroup>? managementGroups = null) =>
        new(new Tenant
        {
            RoleDefinitions = roles.ToArray(),
            RoleAssignments = assignments.ToArray(),
            DenyAssignments = denies?.ToArray() ?? Array.Empty<DenyAssignment>(),
            Groups = groups?.ToArray() ?? Array.Empty<Group>(),
            ManagementGroups = managementGroups?.ToArray() ?? Array.Empty<ManagementGroup>(),
        });

    /// <summary>An engine where Alice holds one role at one scope.</summary>
    public static AccessEvaluator AliceHolds(RoleDefinition role, string scope, IEnumerable<DenyAssignment>? denies = null) =>
        Engine(new[] { role }, new[] { Assign(Alice, role, scope) }, denies);
}
