using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// Each persona of the "Azure Machine Learning MLOps &amp; RBAC" slides [PERSONAS] agrees with its template role: the role grants every operation of every
/// allowed statement and none of any not-allowed statement. The grant is computed here, independently
/// of the evaluator, as a test oracle.
/// </summary>
public sealed class PersonaTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    public static TheoryData<string> PersonaNames()
    {
        var data = new TheoryData<string>();
        foreach (var persona in Catalog.Personas)
        {
            data.Add(persona.Name);
        }
        return data;
    }

    [Fact]
    public void The_seven_personas_are_there()
    {
        Assert.Equal(
            new[] { "DataScientist", "DataScientistSuperUser", "OfficeDataScientist", "ITAdmin", "WorkspaceAdmin", "SubscriptionAdmin", "MLOpsEngineer" },
            Catalog.Personas.Select(p => p.Name));
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Has_a_persona_template(string name)
    {
        var persona = Catalog.FindPersona(name)!;

        Assert.NotNull(persona.Template);
        var template = Catalog.FindTemplate(persona.Template);

        Assert.NotNull(template);
        Assert.Equal(TemplateKind.Persona, template.Kind);
        Assert.Equal("Persona" + persona.Name, template.Name);
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Statements_name_exact_catalog_operations_and_carry_evidence(string name)
    {
        var persona = Catalog.FindPersona(name)!;

        Assert.NotEmpty(persona.Allowed);
        foreach (var statement in persona.Allowed.Concat(persona.NotAllowed))
        {
            Assert.False(string.IsNullOrWhiteSpace(statement.Evidence), $"{name}: '{statement.Text}' has no evidence.");
            foreach (var action in statement.Actions)
            {
                Assert.True(Catalog.FindOperation(action) is not null, $"{name}: '{action}' is not a catalog operation.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Template_grants_every_allowed_action(string name)
    {
        var persona = Catalog.FindPersona(name)!;
        var role = Catalog.FindTemplate(persona.Template!)!.Role;

        foreach (var statement in persona.Allowed)
        {
            foreach (var action in statement.Actions)
            {
                Assert.True(Grants(role, action), $"{role.Name} does not grant '{action}' (allowed: \"{statement.Text}\").");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Template_grants_no_not_allowed_action(string name)
    {
        var persona = Catalog.FindPersona(name)!;
        var role = Catalog.FindTemplate(persona.Template!)!.Role;

        foreach (var statement in persona.NotAllowed)
        {
            foreach (var action in statement.Actions)
            {
                Assert.False(Grants(role, action), $"{role.Name} grants '{action}' (not allowed: \"{statement.Text}\").");
            }
        }
    }

    [Fact]
    public void The_oracle_subtracts_not_actions_within_a_block()
    {
        var role = Catalog.FindTemplate("PersonaDataScientistSuperUser")!.Role;

        Assert.True(Grants(role, "Microsoft.MachineLearningServices/workspaces/computes/write"));
        Assert.False(Grants(role, "Microsoft.MachineLearningServices/workspaces/write"));
        Assert.False(Grants(role, "Microsoft.Authorization/roleDefinitions/write"));
    }

    // Oracle: a block grants an operation when one of its Actions matches it and none of its NotActions
    // does ([RD] role-definitions.md: "Actions - NotActions"); a role grants it when any block does.
    private static bool Grants(RoleDefinition role, string operation) =>
        role.Permissions.Any(block =>
            block.Actions.Any(a => new ActionPattern(a).Matches(operation))
            && !block.NotActions.Any(n => new ActionPattern(n).Matches(operation)));
}
