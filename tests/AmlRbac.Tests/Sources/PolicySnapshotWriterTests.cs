using System.Text.Json;
using Xunit;
using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Model;
using AmlRbac.Policy;
using AmlRbac.Sources;
using AmlRbac.Authoring;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Sources;

/// <summary>A snapshot written from a tenant keeps its policy objects: they read back into an equal state.</summary>
public sealed class PolicySnapshotWriterTests
{
    private static PolicyState Example(string file, string section)
    {
        using var example = JsonDocument.Parse(File.ReadAllText(ArmExample(file)));
        var body = example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
        var items = body.TryGetProperty("value", out _) ? body.GetProperty("value").GetRawText() : $"[{body.GetRawText()}]";
        using var document = JsonDocument.Parse($"{{ \"{section}\": {items} }}");
        return PolicySnapshotReader.Read(document.RootElement, file);
    }

    private static string Content(PolicyState state) => JsonSerializer.Serialize(state with { Source = null });

    [Fact]
    public void Every_arm_example_round_trips_through_a_snapshot()
    {
        var state = new PolicyState
        {
            Definitions = Example("policy_2025-11-01_getBuiltinPolicyDefinition.json", "policyDefinitions").Definitions,
            SetDefinitions = Example("policy_2025-11-01_listPolicySetDefinitions.json", "policySetDefinitions").SetDefinitions,
            Assignments = Example("policy_2025-03-01_listPolicyAssignmentsForResourceGroup.json", "policyAssignments").Assignments
                .Concat(Example("policy_2025-11-01_listPolicyAssignments.json", "policyAssignments").Assignments).ToList(),
            Exemptions = Example("policy_2024-12-01-preview_listPolicyExemptionsForResourceGroup.json", "policyExemptions").Exemptions,
        };
        Assert.All(new[] { state.Definitions.Count, state.SetDefinitions.Count, state.Assignments.Count, state.Exemptions.Count }, n => Assert.True(n > 0));

        var read = SnapshotReader.Parse(SnapshotWriter.ToJson(Tenant.Empty with { Policy = state }), "written").Policy;

        Assert.Equal(Content(state), Content(read));
    }

    [Fact]
    public void An_assignment_with_selectors_or_overrides_stays_unevaluated_after_the_round_trip()
    {
        var state = State($"[{Assignment("selective", Subscription, ModelPolicyAuthoring.RestrictToRegistryDefinitionId, SeedParameters(), ",\n\"resourceSelectors\": [ { \"name\": \"eu\" } ]")}]");

        var read = SnapshotReader.Parse(SnapshotWriter.ToJson(Tenant.Empty with { Policy = state }), "written").Policy;

        Assert.True(Assert.Single(read.Assignments).HasSelectorsOrOverrides);
        Assert.Equal(DeploymentOutcome.Unknown, Deploy(read, Falcon).Outcome);
    }
}
