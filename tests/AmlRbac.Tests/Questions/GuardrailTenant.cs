using static AmlRbac.Tests.Policy.PolicyFixtures;

using AmlRbac.Model;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Authoring;
using AmlRbac.Tests.Policy;

namespace AmlRbac.Tests.Questions;

/// <summary>
/// A tenant for the combined RBAC + Azure Policy questions: the policy fixtures' subscription with its two workspaces,
/// a data scientist who holds AzureML Data Scientist on the subscription (RBAC allows DeployModel in both), an analyst
/// who holds Reader (RBAC does not), and the policy sections given.
/// </summary>
internal static class GuardrailTenant
{
    public const string Scientist = "0c4b6a52-6bb8-4f1e-9d57-1f7b1cbd0a11";
    public const string Analyst = "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
    private const string DataScientistRole = "f6c7c914-8db3-469d-8ca1-694a8f32e121";
    private const string ReaderRole = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    /// <summary><paramref name="assignments"/> and <paramref name="exemptions"/>: JSON arrays of ARM items.</summary>
    public static Tenant With(string assignments, string exemptions = "[]") => SnapshotReader.Parse($$"""
        {
          "schemaVersion": 1,
          "roleAssignments": [
            {{RoleAssignment("ra-scientist", Scientist, DataScientistRole)}},
            {{RoleAssignment("ra-analyst", Analyst, ReaderRole)}}
          ],
          "principals": [
            { "id": "{{Scientist}}", "type": "User", "displayName": "Sam Scientist", "userPrincipalName": "sam@contoso.com" },
            { "id": "{{Analyst}}", "type": "User", "displayName": "Ann Analyst", "userPrincipalName": "ann@contoso.com" }
          ],
          "policyAssignments": {{assignments}},
          "policyExemptions": {{exemptions}}
        }
        """, "guardrail.snapshot.json");

    public static AccessEvaluator Evaluator(string assignments, string exemptions = "[]") => new(With(assignments, exemptions));

    /// <summary>The blog's assignment [SEED2] at the subscription, with <paramref name="extra"/> properties (notScopes, enforcementMode).</summary>
    public static string SeedAssignment(string extra = "", string name = "restrict-registry") =>
        $"[{Assignment(name, Subscription, AmlRbac.Authoring.ModelPolicyAuthoring.RestrictToRegistryDefinitionId, SeedParameters(), extra)}]";

    private static string RoleAssignment(string name, string principal, string role) => $$"""
        {
          "id": "{{Subscription}}/providers/Microsoft.Authorization/roleAssignments/{{name}}",
          "properties": {
            "roleDefinitionId": "/providers/Microsoft.Authorization/roleDefinitions/{{role}}",
            "principalId": "{{principal}}", "principalType": "User", "scope": "{{Subscription}}"
          }
        }
        """;
}
