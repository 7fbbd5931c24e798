using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Questions;
using AmlRbac.Sources.Live;
using AmlRbac.Tests.Authoring;

namespace AmlRbac.Tests.Catalog;

/// <summary>
/// The catalog check finds no unresolved entry in the built-in roles and templates, and does find one
/// that is planted (so the first test can fail).
/// </summary>
public sealed class CatalogCheckTests
{
    private static readonly AmlCatalog Catalog = AmlCatalog.Default;

    [Fact]
    public void Templates_and_activities_have_no_unresolved_entry()
    {
        var errors = CatalogCheck.Run(Catalog).Where(f => f.Subject != CatalogSubject.BuiltInRole && f.Kind != CatalogFindingKind.OutsideCatalog);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_built_in_role_entry_that_resolves_to_nothing_is_a_wildcard_over_a_feature_newer_than_its_page_or_an_ignored_entry()
    {
        // The role definitions (2026-08-22) are newer than several pages: a wildcard such as
        // "Microsoft.Resources/deploymentStacksWhatIfResults/*" covers operations no page lists yet. An exact entry
        // that names nothing is one of the role typos build/catalog/role-operations-not-on-pages.tsv ignores.
        var findings = CatalogCheck.Run(Catalog).Where(f => f.Subject == CatalogSubject.BuiltInRole && f.Kind != CatalogFindingKind.OutsideCatalog).ToList();
        var ignored = CatalogCoverageTests.Exceptions().Where(e => e.Handling == "ignore").Select(e => e.Operation).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(CatalogFindingKind.Unmatched, f.Kind));
        Assert.All(findings.Where(f => !f.Entry.Contains('*')), f => Assert.Contains(f.Entry.Trim(), ignored));
    }

    [Fact]
    public void Entries_of_other_providers_are_reported_as_outside_the_catalog()
    {
        var findings = CatalogCheck.Run(Catalog);

        // Advisor Recommendations Contributor grants Microsoft.Advisor operations, a provider whose page the catalog does not hold.
        Assert.Contains(new CatalogFinding(CatalogSubject.BuiltInRole, "Advisor Recommendations Contributor", "Actions", "Microsoft.Advisor/recommendations/read", CatalogFindingKind.OutsideCatalog), findings);
        Assert.All(findings.Where(f => f.Kind == CatalogFindingKind.OutsideCatalog && !f.Entry.Split('/')[0].Contains('*')),
            f => Assert.DoesNotContain(f.Entry.Split('/')[0], Catalog.Providers));
    }

    [Fact]
    public void Reports_an_invented_typo()
    {
        var role = Roles.Of(actions: new[]
        {
            "Microsoft.MachineLearningServices/workspaces/experiments/runs/submit/action",
            "Microsoft.MachineLearningServices/workspaces/experiment/runs/submit/action",
        });

        var finding = Assert.Single(CatalogCheck.CheckRole(Catalog, CatalogSubject.Template, "Typo", role));

        Assert.Equal(new CatalogFinding(CatalogSubject.Template, "Typo", "Actions",
            "Microsoft.MachineLearningServices/workspaces/experiment/runs/submit/action", CatalogFindingKind.Unmatched), finding);
    }

    [Fact]
    public void Reports_the_published_MLOps_paths_that_the_template_corrects()
    {
        var role = Roles.Of(actions: new[]
        {
            "Microsoft.MachineLearningServices/workspaces/experiments/jobs/read",
            "Microsoft.MachineLearningServices/workspaces/metadata/codes/*/write",
        });

        var findings = CatalogCheck.CheckRole(Catalog, CatalogSubject.Template, "MLOps as published", role).ToList();

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(CatalogFindingKind.Unmatched, f.Kind));
    }

    [Fact]
    public void Reports_an_unmatched_not_action()
    {
        var role = Roles.Of(actions: new[] { "Microsoft.MachineLearningServices/workspaces/*" },
            notActions: new[] { "Microsoft.MachineLearningServices/workspaces/computes/wirte" });

        var finding = Assert.Single(CatalogCheck.CheckRole(Catalog, CatalogSubject.Template, "Typo", role));

        Assert.Equal("NotActions", finding.List);
        Assert.Equal(CatalogFindingKind.Unmatched, finding.Kind);
    }

    [Fact]
    public void Reports_a_control_plane_operation_listed_as_a_data_action()
    {
        // The Microsoft.MachineLearningServices operations are all control-plane Actions ([OPS-ML]).
        var role = Roles.Of(dataActions: new[] { "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action" });

        var finding = Assert.Single(CatalogCheck.CheckRole(Catalog, CatalogSubject.Template, "Plane", role));

        Assert.Equal("DataActions", finding.List);
        Assert.Equal(CatalogFindingKind.WrongPlane, finding.Kind);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*/read")]
    [InlineData("Microsoft.Authorization/*/Write")]
    [InlineData("microsoft.machinelearningservices/workspaces/computes/*/write")]
    [InlineData("Microsoft.Resources/deployments/write")]
    public void Resolves_operations_and_matching_wildcards(string entry)
    {
        Assert.Null(CatalogCheck.Classify(Catalog, entry, dataPlane: false));
    }

    [Theory]
    [InlineData("Microsoft.Advisor/recommendations/read", CatalogFindingKind.OutsideCatalog)]
    [InlineData("Microsoft.Storage/storageAccounts/raed", CatalogFindingKind.Unmatched)]
    [InlineData("*/nosuchverb/action", CatalogFindingKind.OutsideCatalog)]
    [InlineData("Microsoft.MachineLearningServices/workspaces/nosuchthing/*", CatalogFindingKind.Unmatched)]
    [InlineData("Microsoft.Authorization/roleAssignment/write", CatalogFindingKind.Unmatched)]
    public void Classifies_what_does_not_resolve(string entry, CatalogFindingKind expected)
    {
        Assert.Equal(expected, CatalogCheck.Classify(Catalog, entry, dataPlane: false));
    }
}
