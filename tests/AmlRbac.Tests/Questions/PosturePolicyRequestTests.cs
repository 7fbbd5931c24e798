using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// New-AmlPosturePolicy's and 'amlrbac policy new --posture''s engine: which rules, where, and which inputs go
/// together, the same for both hosts; the files are written whole or not at all.
/// </summary>
public sealed class PosturePolicyRequestTests : IDisposable
{

    private readonly string _folder = Directory.CreateTempSubdirectory("amlrbac-posture-policy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PosturePolicyRequest Request(params string[] rules) => new() { Scope = Subscription.Value, Rules = rules };

    [Fact]
    public void No_rule_enforces_every_rule_that_has_a_built_in()
    {
        var policy = Request().Build();

        Assert.Equal(9, policy.Initiative.Members.Count);
        Assert.Equal($"{Subscription}/providers/Microsoft.Authorization/policySetDefinitions/aml-posture", policy.Assignment.PolicyDefinitionId);
        Assert.True(policy.Definition!.IsInitiative);
    }

    [Fact]
    public void Rules_are_named_by_id_in_any_case_and_each_becomes_its_built_in_member()
    {
        var policy = Request("amlp003", "AMLP001").Build();

        Assert.Equal(new[] { "AMLP001", "AMLP003" }, policy.Initiative.Members.Select(m => m.Rule.Id));
        Assert.Equal(new[] { "ba769a63-b8cc-4b2d-abf6-ac33c7204be8", "45e05259-1eb5-4f70-9574-baf73e9d219b" },
            policy.Initiative.Members.Select(m => m.Definition.Name));
    }

    [Fact]
    public void An_id_that_is_no_rule_is_refused_by_name()
    {
        var error = Assert.Throws<AmlRbacException>(() => Request("AMLP999").Build());

        Assert.Equal(ErrorIds.PostureRuleUnknown, error.ErrorId);
        Assert.Contains("AMLP999", error.Message);
    }

    [Theory]
    [InlineData("AMLP005", "")]         // no built-in
    [InlineData("AMLP016", "ee40564d")] // DeployIfNotExists only
    public void A_rule_no_built_in_audits_or_denies_is_refused_saying_why(string rule, string definition)
    {
        var error = Assert.Throws<AmlRbacException>(() => Request(rule).Build());

        Assert.Equal(ErrorIds.PostureRuleNotEnforceable, error.ErrorId);
        Assert.StartsWith(rule + " (", error.Message);
        Assert.Contains(definition, error.Message);
    }

    [Fact]
    public void A_workspace_is_no_scope_to_assign_the_initiative()
    {
        var error = Assert.Throws<AmlRbacException>(() => (Request() with { Scope = Workspace.Value }).Build());

        Assert.Equal(ErrorIds.ScopeInvalid, error.ErrorId);
    }

    [Fact]
    public void A_management_group_scope_saves_the_initiative_there_unless_told_otherwise()
    {
        var group = "/providers/Microsoft.Management/managementGroups/contoso-ml";
        var policy = (Request() with { Scope = group }).Build();

        Assert.StartsWith(group + "/providers/Microsoft.Authorization/policySetDefinitions/", policy.Initiative.Definition.Id);
        var named = (Request() with { Scope = DataScienceGroup.Value, DefinitionScope = group, Name = "ml-posture" }).Build();
        Assert.Equal(group + "/providers/Microsoft.Authorization/policySetDefinitions/ml-posture", named.Initiative.Definition.Id);
        Assert.Equal("ml-posture", named.Assignment.Name);
    }

    [Theory]
    [InlineData(new[] { ModelPolicyInput.Posture }, true)]
    [InlineData(new[] { ModelPolicyInput.Posture, ModelPolicyInput.Rule, ModelPolicyInput.DefinitionScope, ModelPolicyInput.DefinitionOutFile }, true)]
    [InlineData(new[] { ModelPolicyInput.AllowedRegistry }, false)]
    public void Posture_is_asked_for_with_its_own_inputs(ModelPolicyInput[] given, bool posture)
    {
        Assert.Equal(posture, PosturePolicyRequest.IsAskedFor(given, i => "-" + i));
    }

    [Theory]
    [InlineData(new[] { ModelPolicyInput.Rule, ModelPolicyInput.AllowedRegistry }, "-Rule")]
    [InlineData(new[] { ModelPolicyInput.Posture, ModelPolicyInput.AllowedModel }, "-AllowedModel")]
    [InlineData(new[] { ModelPolicyInput.Posture, ModelPolicyInput.RestrictedModel }, "-RestrictedModel")]
    public void Posture_and_model_inputs_do_not_go_together(ModelPolicyInput[] given, string named)
    {
        var error = Assert.Throws<AmlRbacException>(() => PosturePolicyRequest.IsAskedFor(given, i => "-" + i));

        Assert.Equal(ErrorIds.ParameterCombinationInvalid, error.ErrorId);
        Assert.Equal(named, error.Target);
    }

    [Fact]
    public void Both_files_are_written_or_neither()
    {
        var policy = Request("AMLP001").Build();
        var parameters = Path.Combine(_folder, "parameters.json");
        var initiative = Path.Combine(_folder, "initiative.json");

        policy.WriteFiles(parameters, initiative);
        Assert.Equal(policy.Assignment.ParametersJson, File.ReadAllText(parameters));
        Assert.Equal(policy.Initiative.Definition.DefinitionJson, File.ReadAllText(initiative));

        var again = Path.Combine(_folder, "again.json");
        var error = Assert.Throws<AmlRbacException>(() => policy.WriteFiles(again, Path.Combine(_folder, "missing", "initiative.json")));
        Assert.Equal(ErrorIds.OutFileNotWritten, error.ErrorId);
        Assert.False(File.Exists(again));
    }
}
