using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Posture;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Posture;

/// <summary>The posture rules of Catalog/Data/posture-rules.json: stable ids, a check each, public sources, real built-ins and operations.</summary>
public sealed class PostureRuleCatalogTests
{
    [Fact]
    public void Ids_run_from_AMLP001_without_gaps_and_each_rule_has_a_check()
    {
        Assert.Equal(Enumerable.Range(1, PostureRules.All.Count).Select(i => $"AMLP{i:000}"), PostureRules.All.Select(r => r.Id));
        Assert.All(PostureRules.All, r => Assert.True(PostureChecks.Knows(r.Id), r.Id));
        Assert.False(PostureChecks.Knows("AMLP999"));
    }

    [Fact]
    public void Each_rule_cites_a_learn_page()
    {
        Assert.All(PostureRules.All, r => Assert.StartsWith("https://learn.microsoft.com/azure/", r.Source));
    }

    [Fact]
    public void Each_enforcing_policy_is_the_embedded_built_in_of_that_name()
    {
        foreach (var rule in PostureRules.All.Where(r => r.PolicyDefinitionId is not null))
        {
            var definition = PolicyCatalog.Default.Find(rule.PolicyDefinitionId!);
            Assert.True(definition is not null, $"{rule.Id}: {rule.PolicyDefinitionId} is not an embedded built-in");
            Assert.Equal(definition!.DisplayName, rule.PolicyDefinitionName);
        }
        Assert.All(PostureRules.All, r => Assert.Equal(r.PolicyDefinitionId is null, r.PolicyDefinitionName is null));
    }

    [Fact]
    public void Each_change_action_is_a_catalog_operation()
    {
        var catalog = AmlCatalog.Default;
        Assert.All(PostureRules.All, r => Assert.True(catalog.Operations.Any(o => o.Name.Equals(r.ChangeAction, StringComparison.OrdinalIgnoreCase)), r.ChangeAction));
    }

    [Fact]
    public void An_unknown_rule_id_fails_naming_it()
    {
        Assert.Equal(new[] { "AMLP002", "AMLP010" }, PostureRules.Select(new[] { "amlp010", " AMLP002 " }).Select(r => r.Id));
        Assert.Same(PostureRules.All, PostureRules.Select(null));

        var error = Assert.Throws<AmlRbacException>(() => PostureRules.Select(new[] { "AMLP002", "AMLP99" }));
        Assert.Equal(ErrorIds.PostureRuleUnknown, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.StartsWith("There is no posture rule 'AMLP99'; the rules are AMLP001 to AMLP017", error.Message);
    }
}
