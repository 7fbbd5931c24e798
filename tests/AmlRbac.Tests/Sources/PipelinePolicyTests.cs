using Xunit;
using static AmlRbac.Tests.PowerShell.Contoso;

using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Sources;

/// <summary>
/// Azure Policy objects piped into Test-AmlPermission / Get-AmlEffectiveAccess, one property bag at a time, with the
/// property names of Get-AzPolicyAssignment, Get-AzPolicyExemption, Get-AzPolicyDefinition and Get-AzPolicySetDefinition
/// output: Az.Resources 7+ flat objects, and the Properties bag of older versions and of -BackwardCompatible
/// (Azure/azure-powershell src/Resources/Policy.Autorest/custom/Get-AzPolicy*.ps1).
/// </summary>
public sealed class PipelinePolicyTests
{
    private const string GroupAssignment = "/providers/Microsoft.Management/managementGroups/contoso-ml/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry";

    private static Dictionary<string, object?> SeedParameters() => new()
    {
        ["allowedRegistryName"] = new Dictionary<string, object?> { ["value"] = "azureml" },
        ["restrictedModels"] = new Dictionary<string, object?> { ["value"] = new List<object?> { Falcon } },
        ["effect"] = new Dictionary<string, object?> { ["value"] = "Deny" },
    };

    // Get-AzPolicyAssignment, Az.Resources 7+: flat, singular names.
    private static Dictionary<string, object?> FlatAssignment(string id, string scope, string enforcementMode, IList<object?>? notScope = null) => new()
    {
        ["Id"] = id,
        ["Name"] = id[(id.LastIndexOf('/') + 1)..],
        ["Type"] = "Microsoft.Authorization/policyAssignments",
        ["DisplayName"] = "Model deployments only from registry azureml",
        ["Scope"] = scope,
        ["NotScope"] = notScope ?? new List<object?>(),
        ["PolicyDefinitionId"] = RegistryRestriction,
        ["Parameter"] = SeedParameters(),
        ["EnforcementMode"] = enforcementMode,
        ["Location"] = null,
        ["IdentityType"] = null,
        ["Metadata"] = new Dictionary<string, object?> { ["createdBy"] = "a8a6d17c-1a44-4b4e-8f1e-2a6e0c6a8c1b" },
    };

    // Get-AzPolicyExemption, Az.Resources 7+.
    private static Dictionary<string, object?> FlatExemption() => new()
    {
        ["Id"] = ProdWorkspace + "/providers/Microsoft.Authorization/policyExemptions/falcon-pilot",
        ["Name"] = "falcon-pilot",
        ["Type"] = "Microsoft.Authorization/policyExemptions",
        ["DisplayName"] = "Falcon pilot in prod",
        ["ExemptionCategory"] = "Waiver",
        ["PolicyAssignmentId"] = GroupAssignment,
        ["PolicyDefinitionReferenceId"] = new List<object?>(),
        ["ExpiresOn"] = null,
    };

    // The sample tenant's policy objects as Get-AzPolicyAssignment / Get-AzPolicyExemption (7+) write them.
    private static IEnumerable<Dictionary<string, object?>> SamplePolicyObjects() => new[]
    {
        FlatAssignment(GroupAssignment, "/providers/Microsoft.Management/managementGroups/contoso-ml", "Default",
            new List<object?> { "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev" }),
        ReportOnly(),
        FlatExemption(),
    };

    private static Dictionary<string, object?> ReportOnly()
    {
        var assignment = FlatAssignment("/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report",
            "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "DoNotEnforce");
        assignment["DisplayName"] = "Model deployments only from registry azureml (report only)";
        return assignment;
    }

    [Fact]
    public void Piped_az_policy_objects_answer_deploy_model_as_the_snapshot_sections_do()
    {
        var piped = new PipelineTenant();
        var position = 0;
        foreach (var item in SamplePolicyObjects())
        {
            piped.Add(item, $"input object {++position} (PSObject)");
        }
        var sample = SampleTenant.Load();
        var fromPipe = new AccessEvaluator(sample with { Policy = piped.ToTenant().Policy });
        var fromSnapshot = new AccessEvaluator(sample);

        foreach (var workspace in new[] { ProdWorkspace, DevWorkspace })
        {
            foreach (var model in new[] { Falcon, Phi, Llama })
            {
                Assert.Equal(Ask(fromSnapshot, model, workspace), Ask(fromPipe, model, workspace));
            }
        }
        var falcon = Assert.Single(new PermissionQuestion(fromPipe, null, new[] { "DeployModel" }, model: Falcon).AnswerFor(Subject.PrincipalAt(Alice, ProdWorkspace)));
        Assert.Equal(Outcome.Denied, falcon.Outcome);
        Assert.Equal(GroupAssignment, falcon.DecidingPolicyReason!.PolicyAssignmentId);
    }

    [Fact]
    public void Flat_assignment_fields_are_read()
    {
        var piped = new PipelineTenant();
        piped.Add(SamplePolicyObjects().First(), "input object 1 (PSObject)");
        var assignment = Assert.Single(piped.ToTenant().Policy.Assignments);

        Assert.Equal(("restrict-model-registry", "/providers/Microsoft.Management/managementGroups/contoso-ml"), (assignment.Name, assignment.Scope.Value));
        Assert.Equal("/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev", Assert.Single(assignment.NotScopes).Value);
        Assert.Equal(RegistryRestriction, assignment.PolicyDefinitionId);
        Assert.Equal("azureml", assignment.Parameters["allowedRegistryName"]);
        Assert.Equal(EnforcementMode.Default, assignment.EnforcementMode);
    }

    [Fact]
    public void Older_and_backward_compatible_objects_are_read_from_their_properties_bag()
    {
        // Az.Resources before 7 (and -BackwardCompatible): ResourceId, no Id; ARM names under Properties.
        var assignment = new Dictionary<string, object?>
        {
            ["Name"] = "restrict-model-registry-report",
            ["ResourceId"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report",
            ["ResourceName"] = "restrict-model-registry-report",
            ["ResourceType"] = "Microsoft.Authorization/policyAssignments",
            ["SubscriptionId"] = "099041be-6a92-430e-9f47-32340e216c45",
            ["PolicyAssignmentId"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyAssignments/restrict-model-registry-report",
            ["Properties"] = new Dictionary<string, object?>
            {
                ["Scope"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45",
                ["NotScopes"] = new List<object?>(),
                ["PolicyDefinitionId"] = RegistryRestriction,
                ["Parameters"] = SeedParameters(),
                ["EnforcementMode"] = "DoNotEnforce",
            },
        };
        var exemption = new Dictionary<string, object?>
        {
            ["Name"] = "later",
            ["ResourceId"] = DevWorkspace + "/providers/Microsoft.Authorization/policyExemptions/later",
            ["ResourceType"] = "Microsoft.Authorization/policyExemptions",
            ["Properties"] = new Dictionary<string, object?>
            {
                ["PolicyAssignmentId"] = GroupAssignment,
                ["ExemptionCategory"] = "Mitigated",
                ["ExpiresOn"] = new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc),
                ["PolicyDefinitionReferenceIds"] = new List<object?> { "registryRestriction" },
            },
        };
        var piped = new PipelineTenant();
        piped.Add(assignment, "input object 1 (PSPolicyAssignment)");
        piped.Add(exemption, "input object 2 (PSPolicyExemption)");
        var policy = piped.ToTenant().Policy;

        var read = Assert.Single(policy.Assignments);
        Assert.Equal((EnforcementMode.DoNotEnforce, "/subscriptions/099041be-6a92-430e-9f47-32340e216c45"), (read.EnforcementMode, read.Scope.Value));
        Assert.Equal("Deny", read.Parameters["effect"]);
        var readExemption = Assert.Single(policy.Exemptions);
        Assert.Equal((ExemptionCategory.Mitigated, DevWorkspace), (readExemption.Category, readExemption.Scope.Value));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), readExemption.ExpiresOn);
        Assert.Equal("registryRestriction", Assert.Single(readExemption.PolicyDefinitionReferenceIds));
    }

    [Fact]
    public void A_custom_definition_and_an_initiative_piped_with_their_assignment_decide_the_deployment()
    {
        // Get-AzPolicyDefinition (7+) of a custom allow-list: the rule nests deeper than Az's role objects.
        const string DefinitionId = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyDefinitions/allow-phi-only";
        const string SetId = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policySetDefinitions/model-guardrails";
        var definition = new Dictionary<string, object?>
        {
            ["Id"] = DefinitionId,
            ["Name"] = "allow-phi-only",
            ["Type"] = "Microsoft.Authorization/policyDefinitions",
            ["DisplayName"] = "Only Phi models",
            ["Mode"] = "Microsoft.MachineLearningServices.v2.Data",
            ["PolicyType"] = "Custom",
            ["Parameter"] = new Dictionary<string, object?>
            {
                ["allowed"] = new Dictionary<string, object?> { ["type"] = "Array" },
            },
            ["PolicyRule"] = new Dictionary<string, object?>
            {
                ["if"] = new Dictionary<string, object?>
                {
                    ["allOf"] = new List<object?>
                    {
                        new Dictionary<string, object?> { ["field"] = "type", ["equals"] = "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments" },
                        new Dictionary<string, object?>
                        {
                            ["not"] = new Dictionary<string, object?>
                            {
                                ["field"] = "Microsoft.MachineLearningServices.v2.Data/workspaces/deployments/model.assetId",
                                ["in"] = "[parameters('allowed')]",
                            },
                        },
                    },
                },
                ["then"] = new Dictionary<string, object?> { ["effect"] = "deny" },
            },
        };
        var set = new Dictionary<string, object?>
        {
            ["Id"] = SetId,
            ["Name"] = "model-guardrails",
            ["Type"] = "Microsoft.Authorization/policySetDefinitions",
            ["Parameter"] = new Dictionary<string, object?> { ["models"] = new Dictionary<string, object?> { ["type"] = "Array" } },
            ["PolicyDefinition"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["policyDefinitionId"] = DefinitionId,
                    ["policyDefinitionReferenceId"] = "phiOnly",
                    ["parameters"] = new Dictionary<string, object?> { ["allowed"] = new Dictionary<string, object?> { ["value"] = "[parameters('models')]" } },
                },
            },
        };
        var assignment = FlatAssignment("/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/policyAssignments/guardrails",
            "/subscriptions/099041be-6a92-430e-9f47-32340e216c45", "Default");
        assignment["PolicyDefinitionId"] = SetId;
        assignment["Parameter"] = new Dictionary<string, object?> { ["models"] = new Dictionary<string, object?> { ["value"] = new List<object?> { Phi } } };

        var piped = new PipelineTenant();
        piped.Add(definition, "input object 1 (PSObject)");
        piped.Add(set, "input object 2 (PSObject)");
        piped.Add(assignment, "input object 3 (PSObject)");
        var policy = piped.ToTenant().Policy;
        Assert.Equal(DefinitionId, Assert.Single(policy.Definitions).Id);
        Assert.Equal("phiOnly", Assert.Single(Assert.Single(policy.SetDefinitions).Members).PolicyDefinitionReferenceId);

        var evaluator = new AccessEvaluator(SampleTenant.Load() with { Policy = policy });
        Assert.Equal(Outcome.Allowed, Answer(evaluator, Phi, DevWorkspace).Outcome);
        var denied = Answer(evaluator, Llama, DevWorkspace);
        Assert.Equal(Outcome.Denied, denied.Outcome);
        Assert.Equal(DefinitionId, denied.DecidingPolicyReason!.PolicyDefinitionId);
    }

    [Fact]
    public void A_policy_object_that_cannot_be_read_is_an_error_naming_the_input()
    {
        var broken = SamplePolicyObjects().First();
        broken["EnforcementMode"] = "Sometimes";
        var piped = new PipelineTenant();

        var error = Assert.Throws<AmlRbacException>(() => piped.Add(broken, "input object 4 (PSObject)"));

        Assert.Equal(ErrorIds.PolicyInvalid, error.ErrorId);
        Assert.Contains("input object 4 (PSObject)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sometimes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_objects_piped_beside_policy_objects_are_still_role_objects()
    {
        var piped = new PipelineTenant();
        piped.Add(SamplePolicyObjects().First(), "input object 1 (PSObject)");
        piped.Add(new Dictionary<string, object?>
        {
            ["RoleAssignmentId"] = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/providers/Microsoft.Authorization/roleAssignments/a1",
            ["Scope"] = DevWorkspace,
            ["RoleDefinitionId"] = "f6c7c914-8db3-469d-8ca1-694a8f32e121",
            ["ObjectId"] = Alice,
            ["ObjectType"] = "User",
        }, "input object 2 (PSRoleAssignment)");
        var tenant = piped.ToTenant();

        Assert.Single(tenant.RoleAssignments);
        Assert.Single(tenant.Policy.Assignments);
        Assert.Empty(tenant.Policy.Exemptions);
    }

    private static PermissionAnswer Answer(AccessEvaluator evaluator, string model, string workspace) =>
        Assert.Single(new PermissionQuestion(evaluator, null, new[] { "DeployModel" }, model: model).AnswerFor(Subject.PrincipalAt(Alice, workspace)));

    private static string Ask(AccessEvaluator evaluator, string model, string workspace) => DecisionJson.Serialize(Answer(evaluator, model, workspace));
}
