using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// Each example role of [MLROLES]: template -> object -> JSON (both shapes) -> lint. The published JSON
/// shows its known defects as findings; the catalog template records each correction, and the corrected
/// role has no error-severity finding.
/// </summary>
public sealed class TemplateRoundTripTests : IDisposable
{
    private static readonly RoleLinter Linter = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-template-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, RoleShape> ExampleRoles()
    {
        var data = new TheoryData<string, RoleShape>();
        foreach (var template in AmlCatalog.Default.Templates.Where(t => t.Kind == TemplateKind.ExampleRole))
        {
            data.Add(template.Name, RoleShape.Permissions);
            data.Add(template.Name, RoleShape.Flat);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRoles))]
    public void A_template_round_trips_through_its_JSON_file_and_lints_without_errors(string name, RoleShape shape)
    {
        var template = AmlCatalog.Default.FindTemplate(name)!;
        var file = Path.Combine(_folder, name + ".json");

        var result = new CustomRoleRequest
        {
            Builder = new RoleBuilder { Template = name, AssignableScopes = new[] { Subscription } },
            Shape = shape,
            OutFile = file,
        }.Execute();
        var read = RoleInput.FromFile(file);

        var role = read.Role!;
        Assert.Equal(template.Role.Name, role.Name);
        Assert.Equal(result.Role.Id, role.Id);
        Assert.Equal(template.Role.Permissions[0].Actions, role.Permissions[0].Actions);
        Assert.Equal(template.Role.Permissions[0].NotActions, role.Permissions[0].NotActions);
        Assert.Equal(new[] { Subscription }, role.AssignableScopes);
        var findings = Linter.Lint(read);
        Assert.Equal(result.Findings.Select(f => f.ToString()), findings.Select(f => f.ToString()));
        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void The_published_MLOps_example_is_reported_at_its_trailing_comma()
    {
        var findings = Linter.Lint(RoleInput.FromJson(PublishedExamples.Json("mlops_custom_role.json"), "mlops_custom_role.json"));

        var finding = Assert.Single(findings);
        Assert.Equal("AMLR000", finding.Id);
        // The comma ends line 25 of the example; the reader sees the array end on line 26.
        Assert.Equal((26, 5), (finding.Line, finding.Column));
        Assert.Contains(AmlCatalog.Default.FindTemplate("MLOps")!.Corrections, c => c.Change.Contains("comma", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_its_trailing_comma_the_published_MLOps_example_shows_each_recorded_path_fix_as_an_unknown_action()
    {
        var json = PublishedExamples.Json("mlops_custom_role.json").Replace("build/action\",\n    ]", "build/action\"\n    ]", StringComparison.Ordinal);
        var template = AmlCatalog.Default.FindTemplate("MLOps")!;
        var pathFixes = template.Corrections.Where(c => c.Change.StartsWith("Replaced", StringComparison.Ordinal)).Select(c => c.Entry.Trim('"')).ToList();

        var unknown = Linter.Lint(RoleInput.FromJson(json, "mlops_custom_role.json")).Where(f => f.Id == "AMLR001").Select(f => f.Entry).ToList();

        Assert.Equal(3, pathFixes.Count);
        Assert.Equal(pathFixes.Order(StringComparer.Ordinal), unknown.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> PublishedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, template) in PublishedExamples.Files)
        {
            data.Add(file, template);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedFiles))]
    public void A_published_example_is_reported_for_its_placeholder_scope_and_the_template_keeps_its_permissions_or_records_why_not(string file, string name)
    {
        var read = RoleInput.FromJson(PublishedExamples.Json(file).Replace("build/action\",\n    ]", "build/action\"\n    ]", StringComparison.Ordinal), file);
        var template = AmlCatalog.Default.FindTemplate(name)!;

        Assert.Contains(Linter.Lint(read), f => f.Id == "AMLR011" && f.Entry!.Contains("<subscriptionId>", StringComparison.Ordinal));
        var published = read.Role!.Permissions[0];
        var changed = published.Actions.Except(template.Role.Permissions[0].Actions)
            .Concat(published.NotActions.Except(template.Role.Permissions[0].NotActions))
            .Concat(template.Role.Permissions[0].NotActions.Except(published.NotActions))
            .ToList();
        foreach (var entry in changed)
        {
            Assert.True(template.Corrections.Any(c => c.Entry.Contains(entry, StringComparison.Ordinal) || c.Change.Contains(entry, StringComparison.Ordinal)),
                $"{name}: '{entry}' differs from the published example with no correction recorded.");
        }
    }
}
