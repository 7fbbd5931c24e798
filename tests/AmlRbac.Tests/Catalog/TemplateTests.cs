using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The templates are ready to create: each has its own id and role name, no assignable scope (the caller
/// supplies it), one permission block, and every change to a published example is recorded.
/// </summary>
public sealed class TemplateTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    public static TheoryData<string> TemplateNames()
    {
        var data = new TheoryData<string>();
        foreach (var template in Catalog.Templates)
        {
            data.Add(template.Name);
        }
        return data;
    }

    [Fact]
    public void Ids_and_role_names_are_unique()
    {
        // A custom role's name "must be unique at the scope of the Microsoft Entra tenant" ([CR] custom-roles.md).
        Assert.Equal(Catalog.Templates.Count, Catalog.Templates.Select(t => t.Role.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(Catalog.Templates.Count, Catalog.Templates.Select(t => t.Role.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Is_a_custom_role_with_one_block_and_no_scope(string name)
    {
        var template = Catalog.FindTemplate(name)!;

        Assert.True(Guid.TryParse(template.Role.Id, out _));
        Assert.True(template.Role.IsCustom);
        Assert.Single(template.Role.Permissions);
        Assert.Empty(template.Role.AssignableScopes);
        Assert.False(string.IsNullOrWhiteSpace(template.Source));
    }

    [Fact]
    public void The_example_roles_are_those_of_seed_001()
    {
        var names = Catalog.Templates.Where(t => t.Kind == TemplateKind.ExampleRole).Select(t => t.Name);

        Assert.Equal(
            new[] { "DataScientistBasic", "DataScientist", "DataScientistRestricted", "MlflowDataScientist", "MLOps", "WorkspaceAdmin", "LabelingTeamLead" },
            names);
    }

    [Fact]
    public void The_MLOps_example_records_its_trailing_comma_and_path_fixes()
    {
        var mlops = Catalog.FindTemplate("mlops")!;
        var actions = mlops.Role.Permissions[0].Actions;

        Assert.Equal(4, mlops.Corrections.Count);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/jobs/read", actions);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/jobs/write", actions);
        Assert.Contains("Microsoft.MachineLearningServices/workspaces/codes/*/write", actions);
        Assert.DoesNotContain(actions, a => a.Contains("experiments/jobs", StringComparison.OrdinalIgnoreCase));
        Assert.All(mlops.Corrections, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void Every_correction_names_an_entry_a_change_and_a_reason()
    {
        Assert.All(Catalog.Templates.SelectMany(t => t.Corrections), c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Entry));
            Assert.False(string.IsNullOrWhiteSpace(c.Change));
            Assert.False(string.IsNullOrWhiteSpace(c.Reason));
        });
    }
}
