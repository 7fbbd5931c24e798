using System.Text;
using FsCheck;
using Outcome = AmlRbac.Model.Outcome;
using FsCheck.Fluent;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Rbac;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Rbac;

/// <summary>
/// Differential tests (issue "The evaluator", Correctness checks): FsCheck generates small tenants
/// and questions, and the engine's answers (Decide, Check, WhoCan, and CheckRole for what each role
/// alone grants) must equal the <see cref="ReferenceEvaluator"/>'s. The tenants mix wildcards and
/// NotActions, control and data operations, deny assignments for everyone (all-zero id with and without dashes) or for groups with
/// exclusions and DoNotApplyToChildScopes, nested and cyclic groups, management groups, ids and
/// scopes in other casings or forms, rg1 beside rg10, conditions and PIM eligible assignments.
/// </summary>
public sealed class DifferentialTests
{
    private const int Tenants = 2_000;

    [Fact]
    public void Engine_agrees_with_the_reference_evaluator_on_random_tenants()
    {
        var property = Prop.ForAll(Arb.From(SmallTenants.Cases()), Agrees);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tenants).WithQuietOnSuccess(true), property);
    }

    private static void Agrees(SmallTenants.Case testCase)
    {
        var tenant = testCase.Tenant;
        var engine = new AccessEvaluator(tenant);
        var reference = new ReferenceEvaluator(tenant, AmlCatalog.Default);
        foreach (var question in testCase.Questions)
        {
            var expected = reference.Decide(question.Principal, question.Operation, question.IsDataAction, question.Scope);
            var decided = engine.Decide(question.Principal, question.Operation, question.Scope, question.IsDataAction);
            var explained = engine.Check(question.Principal, question.Operation, question.Scope, question.IsDataAction).Outcome;
            if (decided != expected || explained != expected)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Reference: {expected}, Decide: {decided}, Check: {explained} for {question}\n{SmallTenants.Describe(tenant)}");
            }
        }

        // What each custom role alone grants.
        foreach (var role in tenant.RoleDefinitions)
        {
            foreach (var question in testCase.Questions)
            {
                var expected = ReferenceEvaluator.RoleAlone(role, question.Operation, question.IsDataAction);
                var actual = engine.CheckRole(role, question.Operation, question.IsDataAction).Outcome;
                if (actual != expected)
                {
                    throw new Xunit.Sdk.XunitException(
                        $"Role {role.Id} alone, {question.Operation} ({(question.IsDataAction ? "data" : "control")}): reference {expected}, engine {actual}\n{SmallTenants.Describe(tenant)}");
                }
            }
        }

        // Who-can: exactly the principals the reference finds Allowed, Conditional or Eligible, or Unknown through an assignment they hold.
        var probe = testCase.Questions[0];
        var holders = engine.WhoCan(probe.Operation, probe.Scope, probe.IsDataAction)
            .ToDictionary(h => Guid.Parse(h.PrincipalId), h => h.Decision.Outcome);
        foreach (var principal in SmallTenants.Principals)
        {
            var expected = reference.Decide(principal, probe.Operation, probe.IsDataAction, probe.Scope);
            // Unknown holders are listed; a principal Unknown only because it may be a member of a group whose members
            // the tenant does not list cannot be found, so it is not.
            var holds = expected is Outcome.Allowed or Outcome.Conditional or Outcome.Eligible
                || (expected == Outcome.Unknown && reference.HoldsBearing(principal, probe.Operation, probe.IsDataAction, probe.Scope));
            var listed = holders.TryGetValue(Guid.Parse(principal), out var outcome);
            if (holds != listed || (listed && outcome != expected))
            {
                throw new Xunit.Sdk.XunitException(
                    $"WhoCan({probe.Operation}, {probe.Scope}) lists {principal}: {listed} ({outcome}); reference: {expected}\n{SmallTenants.Describe(tenant)}");
            }
        }

        // Who-can explains each holder from all its assignments, Check from its assignments by scope:
        // the reasons (content and order, a contract of DecisionJson) must be the same.
        foreach (var holder in engine.WhoCan(probe.Operation, probe.Scope, probe.IsDataAction))
        {
            var checkedReasons = engine.Check(holder.PrincipalId, probe.Operation, probe.Scope, probe.IsDataAction).Reasons;
            if (!checkedReasons.SequenceEqual(holder.Decision.Reasons))
            {
                throw new Xunit.Sdk.XunitException(
                    $"Check and WhoCan({probe.Operation}, {probe.Scope}) give {holder.PrincipalId} different reasons:\n" +
                    $"  Check:  {string.Join("; ", checkedReasons)}\n  WhoCan: {string.Join("; ", holder.Decision.Reasons)}\n{SmallTenants.Describe(tenant)}");
            }
        }
    }
}

/// <summary>Generators of small tenants over a fixed universe of principals, scopes, roles and operations.</summary>
internal static class SmallTenants
{
    public sealed record Question(string Principal, string Operation, bool IsDataAction, string Scope)
    {
        public override string ToString() => $"{Principal} {Operation} ({(IsDataAction ? "data" : "control")}) at {Scope}";
    }

    public sealed record Case(Tenant Tenant, Question[] Questions)
    {
        public override string ToString() => Describe(Tenant) + "\nQuestions:\n" + string.Join("\n", Questions.Select(q => "  " + q));
    }

    // Users 0-3, a service principal, groups 5-8.
    public static readonly string[] Principals = Enumerable.Range(1, 9).Select(i => $"{i:x8}-0000-4000-8000-0000000000{i:x2}").ToArray();
    private const int FirstGroup = 5;

    private const string Sub1 = "11111111-1111-4111-8111-111111111111";
    private const string Sub2 = "22222222-2222-4222-8222-222222222222";
    private const string Ws = "/subscriptions/" + Sub1 + "/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws1";

    private static readonly string[] Scopes =
    {
        "/",
        "/providers/Microsoft.Management/managementGroups/mg-root",
        "/providers/Microsoft.Management/managementGroups/mg-a",
        "/providers/Microsoft.Management/managementGroups/mg-b",
        "/subscriptions/" + Sub1,
        "/subscriptions/" + Sub2,
        "/subscriptions/" + Sub1 + "/resourceGroups/rg1",
        "/subscriptions/" + Sub1 + "/resourceGroups/rg10",
        "/subscriptions/" + Sub2 + "/resourceGroups/rg1",
        Ws,
        "/subscriptions/" + Sub1 + "/resourceGroups/rg10/providers/Microsoft.MachineLearningServices/workspaces/ws1",
        Ws + "/computes/c1",
        Ws + "/computes/c10",
        "/subscriptions/" + Sub2 + "/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/registries/r1",
    };

    private const string Blobs = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/";

    // (operation, asked as a data action), as the engine reads it: a catalog operation keeps the catalog's kind, so each
    // is asked as that kind; a name the catalog lists as both (Microsoft.KeyVault/vaults/keys/read) and one it does not
    // list are asked as both.
    private static readonly (string Name, bool IsData)[] Operations =
    {
        ("Microsoft.MachineLearningServices/workspaces/computes/write", false),
        ("Microsoft.MachineLearningServices/workspaces/computes/read", false),
        ("Microsoft.MachineLearningServices/workspaces/computes/delete", false),
        ("Microsoft.MachineLearningServices/workspaces/read", false),
        ("Microsoft.MachineLearningServices/workspaces/write", false),
        ("Microsoft.Authorization/roleAssignments/write", false),
        ("Contoso.Widgets/gadgets/read", false),
        ("Contoso.Widgets/gadgets/write", false),
        ("Contoso.Widgets/gadgets/read", true),
        (Blobs + "read", true),
        (Blobs + "write", true),
        ("Microsoft.KeyVault/vaults/keys/read", false),
        ("Microsoft.KeyVault/vaults/keys/read", true),
    };

    private static readonly string[] ControlPatterns =
    {
        "*", "*/read", "*/delete", "Microsoft.MachineLearningServices/*", "Microsoft.MachineLearningServices/workspaces/*",
        "Microsoft.MachineLearningServices/workspaces/computes/*", "Microsoft.MachineLearningServices/workspaces/computes/*/write",
        "Microsoft.MachineLearningServices/workspaces/*/write", "Microsoft.MachineLearningServices/workspaces/*/read",
        "microsoft.machinelearningservices/WORKSPACES/computes/write", "Microsoft.MachineLearningServices/workspaces/computes/read",
        "Microsoft.MachineLearningServices/workspaces/computes/delete", "Microsoft.MachineLearningServices/workspaces/write",
        "Microsoft.Authorization/*", "Microsoft.Authorization/roleAssignments/write", "Contoso.Widgets/*", "Contoso.Widgets/*/read",
        "Contoso.Widgets/gadgets/write", Blobs + "read",
    };

    private static readonly string[] DataPatterns =
    {
        "*", "Microsoft.Storage/*", Blobs + "*", Blobs + "read", "Microsoft.Storage/*/read", Blobs + "WRITE", "Contoso.Widgets/*",
    };

    private static readonly string?[] Conditions =
    {
        null,
        "((!(ActionMatches{'" + Blobs + "read'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'training'))",
        "((!(ActionMatches{'Microsoft.MachineLearningServices/workspaces/computes/*'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7}))",
        "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Team] StringEquals 'ml'",
        "((!(ActionMatches{'Contoso.Widgets/gadgets/read'}) AND !(ActionMatches{'" + Blobs + "write'})) OR (@Resource[x] StringEquals 'y'))",
    };

    private static readonly string[] CustomRoleIds = Enumerable.Range(1, 3).Select(i => $"c0000000-0000-4000-8000-00000000000{i}").ToArray();

    private static readonly string[] BuiltInRoleIds =
        new[] { "Reader", "Contributor", "AzureML Data Scientist", "Owner" }.Select(n => AmlCatalog.Default.FindRole(n)!.Id).ToArray();

    private const string UnknownRoleId = "deadbeef-0000-4000-8000-000000000000";

    private static Gen<int> Index(int count) => Gen.Choose(0, count - 1);

    private static Gen<T[]> Few<T>(Gen<T> item, int max) =>
        from count in Gen.Choose(0, max)
        from items in Gen.ArrayOf(item, count)
        select items;

    private static Gen<string[]> Patterns(string[] pool, int max) =>
        from picked in Few(Index(pool.Length), max)
        select picked.Select(i => pool[i]).Distinct().ToArray();

    private static Gen<Permission> Block(bool withCondition) =>
        from actions in Patterns(ControlPatterns, 3)
        from notActions in Patterns(ControlPatterns, 2)
        from dataActions in Patterns(DataPatterns, 2)
        from notDataActions in Patterns(DataPatterns, 1)
        from condition in withCondition ? Gen.Frequency((4, Gen.Constant<string?>(null)), (2, Gen.Elements(Conditions))) : Gen.Constant<string?>(null)
        select new Permission
        {
            Actions = actions,
            NotActions = notActions,
            DataActions = dataActions,
            NotDataActions = notDataActions,
            Condition = condition,
            ConditionVersion = condition is null ? null : "2.0",
        };

    // Principal ids as Azure prints them: lower-case, upper-case, or without dashes.
    private static Gen<string> PrincipalId(int index) =>
        Gen.Elements(0, 1, 2).Select(form => form switch
        {
            0 => Principals[index],
            1 => Principals[index].ToUpperInvariant(),
            _ => Principals[index].Replace("-", ""),
        });

    private static Gen<string> AnyPrincipal(int from = 0) => Index(Principals.Length - from).SelectMany(i => PrincipalId(i + from));

    private static Gen<string> ScopeText(Gen<int> index) =>
        from i in index
        from upper in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select upper ? Scopes[i].ToUpperInvariant() : Scopes[i];

    private static readonly Gen<RoleAssignment> Assignment =
        from principal in AnyPrincipal()
        from role in Gen.Elements(CustomRoleIds.Concat(BuiltInRoleIds).Append(UnknownRoleId).ToArray())
        from roleForm in Index(3)
        from scope in ScopeText(Index(Scopes.Length))
        from eligible in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from condition in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Elements(Conditions)))
        from typed in Gen.Frequency((1, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RoleAssignment
        {
            // A group's assignment that says it is a group's: when the tenant lists no members of that group (or of a
            // group nested in it), anyone else may be a member.
            PrincipalType = typed && Array.FindIndex(Principals, p => Guid.Parse(p) == Guid.Parse(principal)) >= FirstGroup ? PrincipalType.Group : PrincipalType.Unknown,
            Id = "ra-" + Guid.NewGuid().ToString("N")[..8],
            PrincipalId = principal,
            RoleDefinitionId = roleForm switch
            {
                0 => role,
                1 => role.ToUpperInvariant(),
                _ => $"/subscriptions/{Sub1}/providers/Microsoft.Authorization/roleDefinitions/{role}",
            },
            Scope = scope,
            IsEligible = eligible,
            Condition = condition,
            ConditionVersion = condition is null ? null : "2.0",
        };

    private static readonly Gen<DenyAssignment> Deny =
        from everyone in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from named in Few(AnyPrincipal(), 2)
        from excluded in Few(AnyPrincipal(), 2)
        from block in Block(withCondition: false)
        from scope in ScopeText(Gen.Choose(4, Scopes.Length - 1))
        from childScopes in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new DenyAssignment
        {
            Id = "deny-" + Guid.NewGuid().ToString("N")[..8],
            Scope = scope,
            Permissions = new[] { block },
            Principals = everyone switch
            {
                1 => new[] { ObjectIds.AllPrincipals },
                2 => new[] { ObjectIds.AllPrincipals.Replace("-", "") },
                _ => named,
            },
            ExcludePrincipals = excluded,
            DoNotApplyToChildScopes = childScopes,
        };

    private static readonly Gen<(int Group, string Member)> Membership =
        from groupIndex in Gen.Choose(FirstGroup, Principals.Length - 1)
        from member in AnyPrincipal()
        select (groupIndex, member);

    private static readonly Gen<Question> Questions =
        from principal in AnyPrincipal()
        from operation in Index(Operations.Length)
        from upper in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from scope in ScopeText(Index(Scopes.Length))
        select new Question(principal, upper ? Operations[operation].Name.ToUpperInvariant() : Operations[operation].Name, Operations[operation].IsData, scope);

    public static Gen<Case> Cases() =>
        from roles in Gen.ArrayOf(Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Block(withCondition: true), n)), CustomRoleIds.Length)
        from memberships in Few(Membership, 8)
        from sub1Under in Gen.Elements("mg-b", "mg-a", null)
        from sub2Under in Gen.Elements("mg-a", "mg-root", null)
        from assignments in Few(Assignment, 10)
        from denies in Few(Deny, 2)
        from questions in Gen.ArrayOf(Questions, QuestionsPerTenant)
        select new Case(new Tenant
        {
            RoleDefinitions = roles.Select((blocks, i) => new RoleDefinition
            {
                Id = CustomRoleIds[i],
                Name = $"Custom {i}",
                IsCustom = true,
                Permissions = blocks,
                AssignableScopes = new[] { "/subscriptions/" + Sub1 },
            }).ToArray(),
            Groups = memberships.GroupBy(m => m.Group).Select(g => new Group
            {
                Id = Principals[g.Key].ToUpperInvariant(),
                DisplayName = $"group-{g.Key}",
                Members = g.Select(m => m.Member).ToArray(),
            }).ToArray(),
            ManagementGroups = new[]
            {
                new ManagementGroup { Id = "mg-root", Subscriptions = Subs(sub1Under, sub2Under, "mg-root") },
                new ManagementGroup { Id = "mg-a", Parent = "mg-root", Subscriptions = Subs(sub1Under, sub2Under, "mg-a") },
                new ManagementGroup { Id = "MG-B", Parent = "MG-A", Subscriptions = Subs(sub1Under, sub2Under, "mg-b") },
            },
            RoleAssignments = assignments,
            DenyAssignments = denies,
        }, questions);

    /// <summary>Questions asked of each generated tenant.</summary>
    public const int QuestionsPerTenant = 12;

    private static string[] Subs(string? sub1Under, string? sub2Under, string group) =>
        new[] { sub1Under == group ? Sub1 : null, sub2Under == group ? Sub2 : null }.OfType<string>().ToArray();

    public static string Describe(Tenant tenant)
    {
        var text = new StringBuilder();
        foreach (var role in tenant.RoleDefinitions)
        {
            text.AppendLine($"Role {role.Id}: " + string.Join(" | ", role.Permissions.Select(p =>
                $"A[{string.Join(",", p.Actions)}] NA[{string.Join(",", p.NotActions)}] DA[{string.Join(",", p.DataActions)}] NDA[{string.Join(",", p.NotDataActions)}] C[{p.Condition}]")));
        }
        foreach (var group in tenant.Groups)
        {
            text.AppendLine($"Group {group.Id}: {string.Join(", ", group.Members)}");
        }
        foreach (var mg in tenant.ManagementGroups)
        {
            text.AppendLine($"MG {mg.Id} (parent {mg.Parent}): {string.Join(", ", mg.Subscriptions)}");
        }
        foreach (var a in tenant.RoleAssignments)
        {
            text.AppendLine($"Assignment {a.PrincipalId} role {a.RoleDefinitionId} at {a.Scope} eligible={a.IsEligible} condition={a.Condition}");
        }
        foreach (var d in tenant.DenyAssignments)
        {
            var p = d.Permissions[0];
            text.AppendLine($"Deny at {d.Scope} principals [{string.Join(",", d.Principals)}] excluded [{string.Join(",", d.ExcludePrincipals)}] childScopesExcluded={d.DoNotApplyToChildScopes} " +
                $"A[{string.Join(",", p.Actions)}] NA[{string.Join(",", p.NotActions)}] DA[{string.Join(",", p.DataActions)}] NDA[{string.Join(",", p.NotDataActions)}]");
        }
        return text.ToString();
    }
}
