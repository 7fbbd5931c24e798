using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Authoring;
using AmlRbac.Policy;
using AmlRbac.Sources;
using AmlRbac.Tests.Sources;

namespace AmlRbac.Tests.Policy;

/// <summary>Scopes, model ids and snapshot builders shared by the policy tests.</summary>
internal static class PolicyFixtures
{
    public const string SubscriptionId = "0b1f6471-1bf0-4dda-aec3-111122223333";
    public const string OtherSubscriptionId = "ae640e6b-ba3e-4256-9d62-2993eecfa6f2";
    public static readonly Scope Subscription = Scope.ForSubscription(SubscriptionId);
    public static readonly Scope DataScienceGroup = Scope.Parse($"/subscriptions/{SubscriptionId}/resourceGroups/rg-datascience");
    public static readonly Scope SandboxGroup = Scope.Parse($"/subscriptions/{SubscriptionId}/resourceGroups/rg-sandbox");
    public static readonly Scope Workspace = Scope.Parse(DataScienceGroup.Value + "/providers/Microsoft.MachineLearningServices/workspaces/ws-prod");
    public static readonly Scope SandboxWorkspace = Scope.Parse(SandboxGroup.Value + "/providers/Microsoft.MachineLearningServices/workspaces/ws-sandbox");

    public const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";
    public const string Phi = "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/7";
    public const string MetaLlama = "azureml://registries/azureml-meta/models/Llama-2-7b/versions/17";
    public const string WorkspaceModel = "azureml:credit-default:3";

    /// <summary>An ARM response example of the Azure Policy API (tests/fixtures/policy-arm-examples).</summary>
    public static string ArmExample(string name) => Sources.TestFiles.Fixture("policy-arm-examples", name);

    /// <summary>A snapshot document with the given sections (JSON arrays as text), read into a state.</summary>
    public static PolicyState State(string? assignments = null, string? exemptions = null, string? definitions = null, string? setDefinitions = null)
    {
        var json = $$"""
            {
              "policyDefinitions": {{definitions ?? "[]"}},
              "policySetDefinitions": {{setDefinitions ?? "[]"}},
              "policyAssignments": {{assignments ?? "[]"}},
              "policyExemptions": {{exemptions ?? "[]"}}
            }
            """;
        using var document = JsonDocument.Parse(json);
        return PolicySnapshotReader.Read(document.RootElement, "test.snapshot.json");
    }

    /// <summary>An ARM assignment item; <paramref name="parameters"/> is the JSON of properties.parameters.</summary>
    public static string Assignment(string name, Scope scope, string definitionId, string parameters, string extra = "") => $$"""
        {
          "id": "{{AssignmentId(scope, name)}}",
          "name": "{{name}}",
          "properties": {
            "policyDefinitionId": "{{definitionId}}",
            "scope": "{{scope}}",
            "parameters": {{parameters}}{{extra}}
          }
        }
        """;

    public static string AssignmentId(Scope scope, string name) => $"{scope}/providers/Microsoft.Authorization/policyAssignments/{name}";

    /// <summary>The blog's assignment of 19539b54: only registry azureml, tiiuae-falcon-7b restricted, effect Deny [SEED2].</summary>
    public static string SeedParameters(string registry = "azureml", string effect = "Deny") => $$"""
        {
          "allowedRegistryName": { "value": "{{registry}}" },
          "restrictedModels": { "value": [ "{{Falcon}}" ] },
          "effect": { "value": "{{effect}}" }
        }
        """;

    /// <summary>The default options with the built-in definitions AmlRbac ships, as the Questions layer gives them.</summary>
    public static PolicyOptions BuiltIns { get; } = PolicyOptions.Default with { BuiltInDefinitions = PolicyCatalog.Default.Find };

    public static DeploymentPolicyReport Deploy(PolicyState state, string model, Scope? workspace = null, PolicyOptions? options = null) =>
        PolicyEvaluator.EvaluateDeployment(state, workspace ?? Workspace, ModelAsset.Parse(model), options ?? BuiltIns);

    /// <summary>A draft's assignment JSON made into a snapshot item (the PUT body has no id; the draft knows it).</summary>
    public static string Item(PolicyAssignmentDraft draft) => WithId(draft.AssignmentJson, draft.Id, draft.Name);

    public static string Item(CustomDefinitionDraft draft) => WithId(draft.DefinitionJson, draft.Id, draft.Name);

    private static string WithId(string body, string id, string name)
    {
        var fields = (Dictionary<string, object?>)JsonValues.From(JsonDocument.Parse(body).RootElement)!;
        fields["id"] = id;
        fields["name"] = name;
        return JsonSerializer.Serialize(fields);
    }

    /// <summary>A clock stopped at <paramref name="instant"/> (ISO 8601), to test exemption expiry.</summary>
    public static TimeProvider ClockAt(string instant) => new FixedClock(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

    private sealed class FixedClock : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedClock(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
