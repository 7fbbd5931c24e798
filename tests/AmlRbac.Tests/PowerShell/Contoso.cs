using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Tests.PowerShell;

/// <summary>Facts of the sample tenant (samples/contoso.snapshot.json, samples/README.md) that these tests ask about.</summary>
internal static class Contoso
{
    public const string Alice = "f654bbdb-76f3-4d0a-8bc9-337e384a70b8";
    public const string Bob = "588b8f66-b284-43e5-932a-21ade104cbfe";
    public const string SpMlops = "6e046c79-bbbe-4071-9866-a468e620b5df";
    public const string DevWorkspace = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev";
    public const string ProdWorkspace = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod";
    public const string ComputeWrite = "Microsoft.MachineLearningServices/workspaces/computes/write";
    public const string ComputeDelete = "Microsoft.MachineLearningServices/workspaces/computes/delete";
    public const string ComputeOperator = "e503ece1-11d0-4e8e-8e2c-7a6c3bf38815";

    // Models asked about in the deployment guardrail tests: the sample's assignment restricts falcon, allows other
    // azureml models, and blocks other registries.
    public const string Falcon = "azureml://registries/azureml/models/tiiuae-falcon-7b/versions/4";
    public const string Phi = "azureml://registries/azureml/models/Phi-3-mini-4k-instruct/versions/15";
    public const string Llama = "azureml://registries/meta/models/Llama-2-7b/versions/1";
    public const string RegistryRestriction = "/providers/Microsoft.Authorization/policyDefinitions/19539b54-c61e-4196-9a38-67598701be90";

    public static string SnapshotPath => ModuleFiles.InRepository("samples", "contoso.snapshot.json");

    /// <summary>The evaluator a cmdlet builds for -SnapshotPath samples/contoso.snapshot.json.</summary>
    public static AccessEvaluator Evaluator { get; } = new(TenantChoice.Choose(new[] { SnapshotPath }, piped: null, sample: false, needsTenant: true, "give a snapshot").Tenant);
}
