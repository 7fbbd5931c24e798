using AmlRbac.Questions;
using AmlRbac.Tests.Policy;
using AmlRbac.Tests.PowerShell;

namespace AmlRbac.Tests.Questions;

/// <summary>The access report of the sample tenant that the question's and the renderers' tests read (samples/README.md says who is who).</summary>
internal static class ContosoReport
{
    public const string ContosoMl = "/providers/Microsoft.Management/managementGroups/contoso-ml";
    public const string Carol = "d0a750e3-0e35-4166-afb7-2ba4596dbd90";
    public const string Dave = "b1179b1a-7e6d-4df4-bed1-e312b1de3932";
    public const string Frank = "2534770b-545c-4579-9733-258a6602b0d0";
    public const string RoleAssignmentWrite = "Microsoft.Authorization/roleAssignments/write";
    public const string ProdDeny = "/subscriptions/ca8f6624-e3a6-4a1a-a564-fa8ae65132f0/resourceGroups/rg-ml-prod/providers/Microsoft.Authorization/denyAssignments/c5dbd510-7b09-484e-9505-8c493a5a3abb";
    public const string DevDeny = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45/resourceGroups/rg-ml-dev/providers/Microsoft.Authorization/denyAssignments/769ba73e-3869-4d1a-bae3-bb64060c0403";
    public const string GeneratedAt = "2026-03-01T09:30:00Z";

    /// <summary>The report of the management group contoso-ml, which holds both workspaces, made at <see cref="GeneratedAt"/>.</summary>
    public static AccessReport OfContosoMl { get; } = new AccessReportQuestion(Contoso.Evaluator, clock: PolicyFixtures.ClockAt(GeneratedAt)).AnswerFor(Subject.At(ContosoMl));

    public static WorkspaceAccess Prod => OfContosoMl.Workspaces.Single(w => w.Name == "mlw-prod");

    public static WorkspaceAccess Dev => OfContosoMl.Workspaces.Single(w => w.Name == "mlw-dev");
}
