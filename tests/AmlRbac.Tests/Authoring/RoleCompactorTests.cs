using Xunit;
using static AmlRbac.Tests.Authoring.Roles;

using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.Authoring;

/// <summary>-Compact: shorter lists, proven by the evaluator to grant exactly what the explicit role grants.</summary>
public sealed class RoleCompactorTests
{
    private static readonly AccessEvaluator Evaluator = new(Tenant.Empty);

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var template in AmlCatalog.Default.Templates)
        {
            data.Add(template.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_compact_and_the_explicit_role_grant_the_same_catalog_operations(string name)
    {
        var role = new RoleBuilder { Template = name, AssignableScopes = new[] { Subscription } }.Build();

        var compaction = RoleCompactor.Compact(Evaluator, role);

        Assert.True(compaction.Proof.Same, string.Join(", ", compaction.Proof.OnlyInRole.Concat(compaction.Proof.OnlyInReference)));
        // Checked one operation at a time too, not only through the proof's own comparison.
        foreach (var operation in AmlCatalog.Default.Operations)
        {
            Assert.Equal(Evaluator.CheckRole(role, operation.Name).Outcome, Evaluator.CheckRole(compaction.Compact, operation.Name).Outcome);
        }
        Assert.True(compaction.Compact.Permissions[0].Actions.Count <= role.Permissions[0].Actions.Count);
    }

    [Fact]
    public void A_full_set_of_exact_operations_becomes_one_wildcard()
    {
        var computeOperations = AmlCatalog.Default.Operations.Select(o => o.Name)
            .Where(n => n.StartsWith(Ml + "computes/", StringComparison.OrdinalIgnoreCase)).ToArray();
        var role = Of(computeOperations.Append(Ml + "read").ToArray());

        var compaction = RoleCompactor.Compact(Evaluator, role);

        Assert.Equal(new[] { Ml + "computes/*", Ml + "read" }, compaction.Compact.Permissions[0].Actions);
        var replaced = Assert.Single(compaction.Replacements);
        Assert.Equal(computeOperations.Length, replaced.Replaced.Count);
        Assert.True(compaction.Proof.Same);
    }

    [Fact]
    public void No_wildcard_is_used_that_would_grant_an_operation_the_list_did_not()
    {
        var computeOperations = AmlCatalog.Default.Operations.Select(o => o.Name)
            .Where(n => n.StartsWith(Ml + "computes/", StringComparison.OrdinalIgnoreCase)).ToArray();
        var allButDelete = computeOperations.Where(n => !n.EndsWith("computes/delete", StringComparison.OrdinalIgnoreCase)).ToArray();

        var compaction = RoleCompactor.Compact(Evaluator, Of(allButDelete));

        Assert.DoesNotContain(Ml + "computes/*", compaction.Compact.Permissions[0].Actions);
        Assert.NotEqual(Outcome.Allowed, Evaluator.CheckRole(compaction.Compact, Ml + "computes/delete").Outcome);
        Assert.True(compaction.Proof.Same);
    }

    [Fact]
    public void A_wildcard_may_cover_what_the_NotActions_remove_again()
    {
        var computeOperations = AmlCatalog.Default.Operations.Select(o => o.Name)
            .Where(n => n.StartsWith(Ml + "computes/", StringComparison.OrdinalIgnoreCase)).ToArray();
        var allButDelete = computeOperations.Where(n => !n.EndsWith("computes/delete", StringComparison.OrdinalIgnoreCase)).ToArray();

        var compaction = RoleCompactor.Compact(Evaluator, Of(allButDelete, new[] { Ml + "computes/delete" }));

        Assert.Contains(Ml + "computes/*", compaction.Compact.Permissions[0].Actions);
        Assert.True(compaction.Proof.Same);
    }

    [Fact]
    public void Entries_outside_the_catalog_are_kept_as_written()
    {
        var role = Of(new[] { "Microsoft.KeyVault/vaults/read", "Microsoft.KeyVault/vaults/write" });

        var compaction = RoleCompactor.Compact(Evaluator, role);

        Assert.Equal(role.Permissions[0].Actions, compaction.Compact.Permissions[0].Actions);
        Assert.Empty(compaction.Replacements);
    }

    [Fact]
    public void The_request_returns_the_compact_role_with_its_proof()
    {
        var result = new CustomRoleRequest
        {
            Builder = new RoleBuilder { Template = "PersonaOfficeDataScientist", AssignableScopes = new[] { Subscription } },
            Compact = true,
        }.Execute(Evaluator);

        Assert.NotNull(result.Compaction);
        Assert.True(result.Compaction.Proof.Same);
        Assert.Same(result.Compaction.Compact, result.Role);
        Assert.True(result.Role.Permissions[0].Actions.Count < result.Compaction.Explicit.Permissions[0].Actions.Count);
    }
}
