using Xunit;

using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Sources;

/// <summary>The Contoso sample reads into the tenant samples/README.md describes.</summary>
public sealed class SampleTenantTests
{
    private const string Dev = "099041be-6a92-430e-9f47-32340e216c45";
    private const string Prod = "ca8f6624-e3a6-4a1a-a564-fa8ae65132f0";
    private const string MlwProd = "/subscriptions/" + Prod + "/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";

    private static readonly Tenant Sample = SampleTenant.Load();

    [Fact]
    public void Embedded_sample_is_the_file_in_samples()
    {
        var fromFile = SnapshotReader.Read(TestFiles.Sample);

        Assert.Equal(File.ReadAllText(TestFiles.Sample), SampleTenant.Json);
        Assert.Equal(TestFiles.Content(fromFile), TestFiles.Content(Sample));
        Assert.Equal(TestFiles.Sample, fromFile.Source);
    }

    [Fact]
    public void Sample_holds_every_section()
    {
        Assert.Equal(2, Sample.RoleDefinitions.Count);
        Assert.Equal(13, Sample.RoleAssignments.Count(a => !a.IsEligible));
        Assert.Single(Sample.RoleAssignments, a => a.IsEligible);
        Assert.Equal(2, Sample.DenyAssignments.Count);
        Assert.Equal(new[] { "ml-all", "ml-data-scientists", "ml-mlops" }, Sample.Groups.Select(g => g.DisplayName));
        Assert.Equal(new[] { "cd74330c-f920-4a4a-8ce5-440f81faa0ed", "contoso", "contoso-ml" }, Sample.ManagementGroups.Select(m => m.Id));
        Assert.Equal(new[] { Dev, Prod }, Sample.ManagementGroups[2].Subscriptions);
        Assert.Null(Sample.ManagementGroups[0].Parent);
        Assert.Equal(9, Sample.Principals.Count);
    }

    [Fact]
    public void Role_definition_ids_lose_their_prefix_in_both_forms()
    {
        // The Reader assignment uses "/providers/...", the Owner one "/subscriptions/{id}/providers/..." (both occur: [SPEC-RA], [RAL]).
        var reader = Sample.RoleAssignments.Single(a => a.Scope == "/providers/Microsoft.Management/managementGroups/contoso-ml");
        var owner = Sample.RoleAssignments.Single(a => a.Scope == "/subscriptions/" + Prod);

        Assert.Equal("acdd72a7-3385-48ef-bd42-f606fba81ae7", reader.RoleDefinitionId);
        Assert.Equal("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", owner.RoleDefinitionId);
        Assert.Equal(PrincipalType.User, owner.PrincipalType);
    }

    [Fact]
    public void Custom_role_reads_from_arm_shape()
    {
        var role = Sample.RoleDefinitions.Single(r => r.Name == "Workspace Admin Custom");

        Assert.Equal("ebe19fed-7767-445f-9771-ae3c27aa64f2", role.Id);
        Assert.True(role.IsCustom);
        var block = Assert.Single(role.Permissions);
        Assert.Equal(5, block.Actions.Count);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/write" }, block.NotActions);
        Assert.Equal(new[] { "/subscriptions/" + Prod }, role.AssignableScopes);
    }

    [Fact]
    public void Eligibility_instance_is_an_eligible_assignment()
    {
        var eligible = Sample.RoleAssignments.Single(a => a.IsEligible);

        Assert.Equal("2534770b-545c-4579-9733-258a6602b0d0", eligible.PrincipalId);
        Assert.Equal("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", eligible.RoleDefinitionId);
        Assert.Equal("/subscriptions/" + Prod + "/resourceGroups/rg-ml-prod", eligible.Scope);
        Assert.Null(eligible.Condition);
    }

    [Fact]
    public void Conditional_assignment_keeps_its_condition()
    {
        var dave = Sample.RoleAssignments.Single(a => a.PrincipalId == "b1179b1a-7e6d-4df4-bed1-e312b1de3932");

        Assert.Equal(MlwProd, dave.Scope);
        Assert.StartsWith("((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'}))", dave.Condition);
        Assert.Equal("2.0", dave.ConditionVersion);
    }

    [Fact]
    public void Deny_assignments_keep_principals_exclusions_and_child_scope_flag()
    {
        var prod = Sample.DenyAssignments.Single(d => d.Scope.EndsWith("rg-ml-prod", StringComparison.Ordinal));
        var dev = Sample.DenyAssignments.Single(d => d.Scope.EndsWith("rg-ml-dev", StringComparison.Ordinal));

        Assert.Equal("Deny delete: deployment stack ml-prod-platform", prod.Name);
        Assert.Equal(new[] { ObjectIds.AllPrincipals }, prod.Principals);
        Assert.Equal(new[] { "d0a750e3-0e35-4166-afb7-2ba4596dbd90" }, prod.ExcludePrincipals);
        Assert.False(prod.DoNotApplyToChildScopes);
        Assert.True(prod.IsSystemProtected);
        Assert.Equal(new[] { "Microsoft.MachineLearningServices/workspaces/jobs/delete" }, Assert.Single(prod.Permissions).NotActions);
        Assert.True(dev.DoNotApplyToChildScopes);
        Assert.Empty(dev.ExcludePrincipals);
    }

    [Fact]
    public void Principals_carry_their_names()
    {
        var sp = Sample.Principals.Single(p => p.DisplayName == "sp-mlops");

        Assert.Equal(PrincipalType.ServicePrincipal, sp.Type);
        Assert.Equal("1613e9bb-5784-4d47-9033-0c7737529281", sp.AppId);
        Assert.Equal("alice@contoso.com", Sample.Principals.Single(p => p.Id == "f654bbdb-76f3-4d0a-8bc9-337e384a70b8").UserPrincipalName);
    }
}
