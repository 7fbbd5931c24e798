using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// For each persona of [PERSONAS]: the role New-AmlCustomRole builds from the persona's allowed list
/// (-Action ... -Compact, so wildcards replace the explicit entries), written to a file and read back,
/// passes Test-AmlPermission -RoleDefinition for every allowed item and fails it for every not-allowed item.
/// </summary>
public sealed class PersonaRoundTripTests
{
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    // Personas whose allowed lists name single operations of folders they do not take whole (ITAdmin:
    // workspaces/read and write, not delete), so every wildcard over them also grants a catalog operation
    // they do not list and -Compact keeps their lists as they are.
    private static readonly HashSet<string> NothingToCompact = new() { "ITAdmin", "SubscriptionAdmin", "MLOpsEngineer" };

    public static TheoryData<string, RoleShape> Personas()
    {
        var data = new TheoryData<string, RoleShape>();
        foreach (var persona in AmlCatalog.Default.Personas)
        {
            data.Add(persona.Name, RoleShape.Permissions);
            data.Add(persona.Name, RoleShape.Flat);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public void The_compact_role_built_from_the_allowed_list_allows_every_allowed_item_and_no_not_allowed_item(string name, RoleShape shape)
    {
        var persona = AmlCatalog.Default.FindPersona(name)!;
        var allowed = persona.Allowed.SelectMany(s => s.Actions).ToList();
        var result = new CustomRoleRequest
        {
            Builder = new RoleBuilder { Name = "Persona " + persona.DisplayName, Actions = allowed, AssignableScopes = new[] { Subscription } },
            Compact = true,
            Shape = shape,
        }.Execute(Evaluator);
        var role = RoleInput.FromJson(result.Json, name + ".json").Role!;

        // What is checked is the compact role: wildcards stand where the allowed operations were, so an
        // allowed item passes only if the compaction kept it. Three lists leave the compactor nothing to do.
        Assert.Equal(!NothingToCompact.Contains(name), result.Compaction!.Replacements.Count > 0);
        Assert.All(result.Compaction.Replacements, r => Assert.Contains(r.Wildcard, role.Permissions[0].Actions));
        Assert.All(result.Compaction.Replacements.SelectMany(r => r.Replaced), a => Assert.DoesNotContain(a, role.Permissions[0].Actions));

        // A statement that names no operation (ITAdmin's "Same as sub level admin") is about the scope of
        // assignment, not the role's operations; its evidence in personas.json says so.
        foreach (var statement in persona.Allowed.Where(s => s.Actions.Count > 0))
        {
            Assert.True(Test(role, statement.Actions), $"{name}: not allowed although allowed: \"{statement.Text}\"");
        }
        foreach (var statement in persona.NotAllowed)
        {
            foreach (var action in statement.Actions)
            {
                Assert.False(Test(role, new[] { action }), $"{name}: '{action}' allowed although not allowed: \"{statement.Text}\"");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Personas))]
    public void The_persona_template_passes_the_same_check(string name, RoleShape shape)
    {
        var persona = AmlCatalog.Default.FindPersona(name)!;
        var result = new CustomRoleRequest
        {
            Builder = new RoleBuilder { Template = persona.Template, AssignableScopes = new[] { Subscription } },
            Shape = shape,
        }.Execute(Evaluator);
        var role = RoleInput.FromJson(result.Json, name + ".json").Role!;

        Assert.All(persona.Allowed.Where(s => s.Actions.Count > 0), s => Assert.True(Test(role, s.Actions), $"{name}: \"{s.Text}\""));
        Assert.All(persona.NotAllowed.SelectMany(s => s.Actions), a => Assert.False(Test(role, new[] { a }), $"{name}: '{a}'"));
    }

    // Test-AmlPermission -RoleDefinition $role -Action ...: $true only when every action is allowed.
    private static bool Test(RoleDefinition role, IReadOnlyList<string> actions) =>
        PermissionAnswer.AllAllowed(new PermissionQuestion(Evaluator, actions, null).AnswerFor(Subject.ForRole(role)));
}
