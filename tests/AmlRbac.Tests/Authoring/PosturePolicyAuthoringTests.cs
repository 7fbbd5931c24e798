using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Tests.Authoring;

/// <summary>
/// The posture initiative: read back by the engine's own snapshot reader, each member is a built-in of the
/// "Machine Learning" category whose effect, passed through the initiative's parameter [INIT], is one its definition
/// allows; the assignment gives every initiative parameter and nothing else; inputs Azure would refuse are refused.
/// </summary>
public sealed class PosturePolicyAuthoringTests
{
    private const string CustomerManagedKey = "AMLP001";
    private const string PrivateLink = "AMLP003";
    private const string ManagedNetwork = "AMLP004";
    private const string ResourceLogs = "AMLP008";

    private static readonly PosturePolicyAuthoring Author = new(PolicyCatalog.Default.Find);

    private static (PostureRule, PostureEnforcement) Entry(string rule)
    {
        var found = Assert.Single(PostureRules.Select(new[] { rule }));
        return (found, PostureEnforcements.For(found)!);
    }

    // Every rule a built-in AmlRbac assigns enforces.
    private static readonly (PostureRule, PostureEnforcement)[] All =
        PostureRules.All.Where(r => PostureEnforcements.For(r) is not null).Select(r => (r, PostureEnforcements.For(r)!)).ToArray();

    // What each member's effect is once the assignment's values pass through the initiative, read from the JSON.
    private static Dictionary<string, string> MemberEffects(CustomDefinitionDraft initiative, PolicyAssignmentDraft assignment)
    {
        var state = State($"[{Item(assignment)}]", setDefinitions: $"[{Item(initiative)}]");
        var set = Assert.Single(state.SetDefinitions);
        using var values = JsonDocument.Parse(assignment.ParametersJson);
        return set.Members.ToDictionary(m => m.PolicyDefinitionReferenceId, m =>
        {
            var reference = Regex.Match((string)m.Parameters["effect"]!, @"^\[parameters\('(?<name>[^']+)'\)\]$");
            Assert.True(reference.Success, $"{m.PolicyDefinitionReferenceId}'s effect is not an initiative parameter");
            return values.RootElement.GetProperty(reference.Groups["name"].Value).GetProperty("value").GetString()!;
        });
    }

    [Fact]
    public void Every_member_takes_deny_where_its_definition_allows_it_else_its_audit()
    {
        var initiative = Author.Initiative(Subscription, All, "Deny");
        var assignment = PosturePolicyAuthoring.Assign(Subscription, initiative);

        var effects = MemberEffects(initiative.Definition, assignment);

        Assert.Equal(new[] { "AMLP001", "AMLP002", "AMLP003", "AMLP004", "AMLP008", "AMLP010", "AMLP013", "AMLP014", "AMLP017" }, effects.Keys);
        Assert.Equal("Deny", effects[CustomerManagedKey]);
        Assert.Equal("Deny", effects[ManagedNetwork]);
        Assert.Equal("Audit", effects[PrivateLink]);
        Assert.Equal("AuditIfNotExists", effects[ResourceLogs]);
        Assert.Contains(initiative.Definition.Warnings, w => w.StartsWith("AMLP003: ", StringComparison.Ordinal) && w.Contains("45e05259") && w.Contains("cannot Deny"));
        Assert.DoesNotContain(initiative.Definition.Warnings, w => w.Contains("AMLP001"));
    }

    [Fact]
    public void Disabled_disables_every_member()
    {
        var initiative = Author.Initiative(Subscription, All, "Disabled");

        Assert.All(MemberEffects(initiative.Definition, PosturePolicyAuthoring.Assign(Subscription, initiative)).Values, e => Assert.Equal("Disabled", e));
    }

    [Fact]
    public void Every_enforcement_is_an_embedded_machine_learning_built_in_that_audits_takes_its_parameters_and_enforces_a_rule()
    {
        foreach (var entry in PostureEnforcements.All)
        {
            Assert.Contains(PostureRules.All, r => PostureEnforcements.For(r) == entry);
            var definition = PolicyCatalog.Default.Find(entry.DefinitionId);
            Assert.True(definition is not null, $"{entry.Definition} is not embedded");
            Assert.Contains(definition!.Mode, new[] { "Indexed", "All" });
            var effects = definition.Parameters["effect"].AllowedValues!.Cast<string>().ToList();
            Assert.True(effects.Contains("Audit") || effects.Contains("AuditIfNotExists"), $"{entry.Definition} cannot audit: {string.Join(", ", effects)}");
            Assert.All(entry.Parameters.Keys, p => Assert.True(definition.Parameters.ContainsKey(p), $"{entry.Definition} has no parameter {p}"));
            Assert.Equal(entry.Parameters.Count > 0, entry.Why is not null);
        }
    }

    [Fact]
    public void The_managed_network_member_asks_for_allow_only_approved_outbound_not_the_default()
    {
        var initiative = Author.Initiative(Subscription, new[] { Entry(ManagedNetwork) }, "Audit");
        var state = State(setDefinitions: $"[{Item(initiative.Definition)}]");

        var member = Assert.Single(Assert.Single(state.SetDefinitions).Members);
        Assert.Equal("AllowOnlyApprovedOutbound", member.Parameters["isolationMode"]);
        Assert.Equal("/providers/Microsoft.Authorization/policyDefinitions/6ddb1705-c8cf-450e-aa4b-19ad6703c440", member.PolicyDefinitionId);
        Assert.Contains(initiative.Definition.Warnings, w => w.Contains("isolationMode"));
    }

    [Fact]
    public void The_initiative_body_has_the_policy_set_definition_shape()
    {
        var initiative = Author.Initiative(Scope.ForManagementGroup("contoso-ml"), new[] { Entry(CustomerManagedKey), Entry(PrivateLink) }, "Deny");

        Assert.Equal("/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policySetDefinitions/aml-posture", initiative.Definition.Id);
        using var body = JsonDocument.Parse(initiative.Definition.DefinitionJson);
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal("Custom", properties.GetProperty("policyType").GetString());
        Assert.Equal("Machine Learning", properties.GetProperty("metadata").GetProperty("category").GetString());
        var parameter = properties.GetProperty("parameters").GetProperty("effect-AMLP003");
        Assert.Equal(new[] { "Audit", "Disabled" }, parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Audit", parameter.GetProperty("defaultValue").GetString());
        Assert.Equal(new[] { CustomerManagedKey, PrivateLink },
            properties.GetProperty("policyDefinitions").EnumerateArray().Select(m => m.GetProperty("policyDefinitionReferenceId").GetString()));
    }

    [Fact]
    public void The_assignment_gives_each_initiative_parameter_and_names_the_initiative()
    {
        var initiative = Author.Initiative(Subscription, new[] { Entry(CustomerManagedKey), Entry(PrivateLink) }, "Deny");
        var assignment = PosturePolicyAuthoring.Assign(DataScienceGroup, initiative,
            AssignmentSettings.Default with { NotScopes = new[] { SandboxGroup }, EnforcementMode = EnforcementMode.DoNotEnforce });

        using var body = JsonDocument.Parse(assignment.AssignmentJson);
        var properties = body.RootElement.GetProperty("properties");
        Assert.Equal(initiative.Definition.Id, properties.GetProperty("policyDefinitionId").GetString());
        Assert.Equal(new[] { "effect-AMLP001", "effect-AMLP003" }, properties.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
        Assert.Equal(SandboxGroup.Value, Assert.Single(properties.GetProperty("notScopes").EnumerateArray()).GetString());
        Assert.Equal("DoNotEnforce", properties.GetProperty("enforcementMode").GetString());
        Assert.Equal($"{DataScienceGroup}/providers/Microsoft.Authorization/policyAssignments/aml-posture", assignment.Id);
    }

    [Theory]
    [InlineData("deny")]
    [InlineData("AuditIfNotExists")]
    [InlineData("Modify")]
    public void An_effect_other_than_deny_audit_or_disabled_is_refused(string effect)
    {
        var error = Assert.Throws<AmlRbacException>(() => Author.Initiative(Subscription, All, effect));
        Assert.Equal(ErrorIds.PolicyParameterInvalid, error.ErrorId);
    }

    [Fact]
    public void The_initiative_lives_at_a_subscription_or_management_group_and_is_assigned_below_it()
    {
        Assert.Equal(ErrorIds.PolicyParameterInvalid,
            Assert.Throws<AmlRbacException>(() => Author.Initiative(DataScienceGroup, All, "Deny")).ErrorId);
        var initiative = Author.Initiative(Subscription, All, "Deny");
        Assert.Equal(ErrorIds.PolicyParameterInvalid,
            Assert.Throws<AmlRbacException>(() => PosturePolicyAuthoring.Assign(Scope.ForSubscription(OtherSubscriptionId), initiative)).ErrorId);
        Assert.Equal(ErrorIds.PolicyParameterInvalid,
            Assert.Throws<AmlRbacException>(() => Author.Initiative(Subscription, Array.Empty<(PostureRule, PostureEnforcement)>(), "Deny")).ErrorId);
    }
}
