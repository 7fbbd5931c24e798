using AmlRbac.Catalog;
using AmlRbac.Policy;

namespace AmlRbac.Questions;

/// <summary>
/// What the tenant's Azure Policy does to deploying one model into a workspace, whoever deploys it: the policy
/// outcome and one reason per assignment that covers the workspace (<see cref="DeploymentGuardrail.Evaluate"/>).
/// Who may deploy at all is RBAC's, the DeployModel activity of the same report.
/// </summary>
public sealed record ModelGuardrail(CatalogModel Model, DeploymentOutcome Outcome, IReadOnlyList<PolicyReason> Reasons);
