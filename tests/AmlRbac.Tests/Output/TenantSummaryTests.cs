using AmlRbac.Model;
using AmlRbac.Output;
using Xunit;

namespace AmlRbac.Tests.Output;

public sealed class TenantSummaryTests
{
    [Fact]
    public void Names_the_source_and_counts_each_kind_with_its_custom_roles()
    {
        var tenant = new Tenant
        {
            Source = "tenant.json",
            RoleDefinitions = new[] { Role("a", isCustom: true), Role("b", isCustom: false), Role("c", isCustom: true) },
            Groups = new[] { new Group { Id = "g1", DisplayName = "one" } },
        };

        Assert.Equal(
            "Read tenant.json: 0 role assignments, 3 role definitions (2 custom), 0 deny assignments, 0 principals, 1 group, " +
            "0 management groups, 0 policy assignments, 0 policy exemptions, 0 policy definitions.",
            TenantSummary.Describe(tenant));
    }

    private static RoleDefinition Role(string id, bool isCustom) => new() { Id = id, Name = id, IsCustom = isCustom };
}
