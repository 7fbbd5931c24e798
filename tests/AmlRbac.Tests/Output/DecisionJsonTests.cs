using System.Text.Json;
using Xunit;

using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Tests.Authoring;

namespace AmlRbac.Tests.Output;

/// <summary>The JSON contract other tools read: property names exactly, enums as names, nulls left out.</summary>
public sealed class DecisionJsonTests
{
    [Fact]
    public void Decision_has_the_contract_properties_in_order()
    {
        using var json = Parse(DecisionJson.Serialize(Samples.Check(Outcome.NotGranted, Samples.Excluded)));

        Assert.Equal(
            new[] { "decision", "principalId", "action", "scope", "isDataAction", "reasons", "wouldBeGrantedBy" },
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("NotGranted", json.RootElement.GetProperty("decision").GetString());
        Assert.False(json.RootElement.GetProperty("isDataAction").GetBoolean());
    }

    [Fact]
    public void Reason_has_the_contract_properties_and_omits_nulls()
    {
        using var json = Parse(DecisionJson.Serialize(Samples.Check(Outcome.Denied, Samples.Deny, Samples.Grant)));
        var reasons = json.RootElement.GetProperty("reasons");

        Assert.Equal(new[] { "kind", "scope", "pattern", "denyAssignmentId", "denyAssignmentName" }, reasons[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("BlockedByDeny", reasons[0].GetProperty("kind").GetString());
        Assert.Equal(
            new[] { "kind", "assignmentId", "roleDefinitionId", "roleName", "scope", "pattern", "viaGroupId", "viaGroupName" },
            reasons[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("ml-data-scientists", reasons[1].GetProperty("viaGroupName").GetString());
    }

    [Fact]
    public void Every_reason_property_has_its_contract_name()
    {
        var full = new Reason
        {
            Kind = ReasonKind.ConditionalGrant, AssignmentId = "a", RoleDefinitionId = "b", RoleName = "c", Scope = "/d", Pattern = "e",
            ViaGroupId = "f", ViaGroupName = "g", Condition = "h", DenyAssignmentId = "i", DenyAssignmentName = "j",
        };

        using var json = Parse(DecisionJson.Serialize(Samples.Check(Outcome.Conditional, full)));

        Assert.Equal(
            new[] { "kind", "assignmentId", "roleDefinitionId", "roleName", "scope", "pattern", "viaGroupId", "viaGroupName", "condition", "denyAssignmentId", "denyAssignmentName" },
            json.RootElement.GetProperty("reasons")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Suggestions_carry_id_name_and_count()
    {
        using var json = Parse(DecisionJson.Serialize(Samples.Check(Outcome.NotGranted)));
        var first = json.RootElement.GetProperty("wouldBeGrantedBy")[0];

        Assert.Equal(new[] { "roleDefinitionId", "roleName", "grantedOperationCount", "grantsOutsideCatalog" }, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AzureML Compute Operator", first.GetProperty("roleName").GetString());
        Assert.Equal(12, first.GetProperty("grantedOperationCount").GetInt32());
    }

    [Fact]
    public void Role_question_has_roleName_and_no_principal_or_scope()
    {
        var decision = Samples.Check(Outcome.Allowed) with { PrincipalId = null, Scope = null, RoleName = "Reader" };

        using var json = Parse(DecisionJson.Serialize(decision));

        Assert.Equal(new[] { "decision", "roleName", "action", "isDataAction", "reasons", "wouldBeGrantedBy" }, json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Who_answer_adds_principal_name_and_type()
    {
        var answer = PermissionAnswer.ForOperation(Samples.Check(Outcome.Allowed, Samples.Grant), "Alice Chen", PrincipalType.User);

        using var json = Parse(DecisionJson.Serialize(new[] { answer }));
        var first = json.RootElement[0];

        Assert.Equal("Alice Chen", first.GetProperty("principalName").GetString());
        Assert.Equal("User", first.GetProperty("principalType").GetString());
    }

    [Fact]
    public void Apostrophes_are_not_escaped()
    {
        var text = DecisionJson.Serialize(Samples.Check(Outcome.Allowed, Samples.Grant with { RoleName = "Bob's Role" }));

        Assert.Contains("\"roleName\": \"Bob's Role\"", text);
    }

    [Fact]
    public void Activity_has_name_decision_scope_and_operations()
    {
        var evaluator = new AccessEvaluator(Tenant.Empty);
        var activity = new Activity
        {
            Name = "CreateCompute",
            DisplayName = "Create a compute",
            Actions = new[] { "Microsoft.MachineLearningServices/workspaces/read", Samples.ComputeWrite },
            Source = "test",
        };

        using var json = Parse(DecisionJson.Serialize(evaluator.CheckRoleActivity(evaluator.GetRole("AzureML Data Scientist"), activity)));
        var root = json.RootElement;

        Assert.Equal(new[] { "activity", "displayName", "decision", "roleName", "operations", "wouldBeGrantedBy" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CreateCompute", root.GetProperty("activity").GetString());
        Assert.Equal("NotGranted", root.GetProperty("decision").GetString());
        Assert.Equal(2, root.GetProperty("operations").GetArrayLength());
        Assert.Equal("Allowed", root.GetProperty("operations")[0].GetProperty("decision").GetString());
        Assert.Equal("AzureML Compute Operator", root.GetProperty("wouldBeGrantedBy")[0].GetProperty("roleName").GetString());
    }

    [Fact]
    public void Catalog_roles_are_every_built_in_role_with_its_source_and_former_names()
    {
        using var json = Parse(CatalogJson.Roles(AmlCatalog.Default.BuiltInRoles, AmlCatalog.Default.RoleAliases));

        // builtin-roles-all.json holds the 928 role definitions of 2026-08-22.
        Assert.Equal(928, json.RootElement.GetArrayLength());
        Assert.Equal(new[] { "id", "name", "description", "isCustom", "permissions", "assignableScopes", "source" },
            json.RootElement[0].EnumerateObject().Select(p => p.Name));
        var foundryUser = json.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Foundry User");
        Assert.Equal("53ca6127-db72-4b80-b1b0-d745d6d5456d", foundryUser.GetProperty("id").GetString());
        Assert.Equal("Azure AI User", foundryUser.GetProperty("formerNames")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Every_policy_reason_property_has_its_contract_name_in_order()
    {
        var full = new PolicyReason
        {
            Kind = PolicyReasonKind.PolicyDeny, Scope = "/a", PolicyAssignmentId = "b", PolicyAssignmentName = "c", PolicyDefinitionId = "d",
            PolicyDefinitionReferenceId = "e", Effect = "Deny", RuleClause = "if.allOf[0]", RuleDetail = "g", Explanation = "h",
            ExemptionId = "i", ExemptionName = "j", Notes = new[] { "k" },
        };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DecisionJson.Write(writer, full);
        }

        using var json = Parse(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        var reason = json.RootElement;

        Assert.Equal(
            new[] { "kind", "scope", "layer", "policyAssignmentId", "policyAssignmentName", "policyDefinitionId", "policyDefinitionReferenceId",
                "effect", "ruleClause", "ruleDetail", "explanation", "exemptionId", "exemptionName", "notes" },
            reason.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("PolicyDeny", "Policy"), (reason.GetProperty("kind").GetString(), reason.GetProperty("layer").GetString()));
        Assert.Equal("k", reason.GetProperty("notes")[0].GetString());
    }

    private static JsonDocument Parse(string json) => JsonDocument.Parse(json);
}
