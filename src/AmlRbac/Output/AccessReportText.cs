using System.Globalization;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// The words of an access report, the same in every format (HTML, Markdown, CSV): headings, the sentences that say a
/// section is empty, how principals, operations and deny assignments are named, and each answer's reasons
/// (<see cref="DecisionText"/>). The renderers only lay them out.
/// </summary>
public static class AccessReportText
{
    public const string Title = "Azure Machine Learning access report";
    public const string PrivilegedHeading = "Privileged operations";
    public const string ActivitiesHeading = "Access by activity";
    public const string EligibleHeading = "Eligible and conditional access";
    public const string DeniesHeading = "Deny assignments";
    public const string GuardrailsHeading = "Model deployment guardrails (Azure Policy)";

    /// <summary>What the report is about, as label and value: the scope, the source, when, how many workspaces.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(AccessReport report) => new[]
    {
        ("Scope", report.Scope),
        ("Source", report.Source ?? "not named by the source"),
        ("Generated", report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ("Workspaces", report.Workspaces.Count.ToString(CultureInfo.InvariantCulture)),
    };

    public static string NoWorkspace(AccessReport report) =>
        $"No Azure Machine Learning workspace at or below {report.Scope} is named by the source: it lists workspaces only through live Azure, or through the role assignments, deny assignments and policies at or in them.";

    public const string ActivitiesNote =
        "Each cell is the evaluator's decision for the principal at the workspace, RBAC alone (deny assignments, role assignments, conditions, PIM eligibility); the reasons are in each cell.";

    public const string NoHolder = "Nobody: no role assignment at the workspace or above grants it.";

    public const string NoEligible = "None: every grant here is active and unconditional.";

    public const string NoDeny = "None reaches the workspace or a resource in it.";

    public const string NoGuardrail =
        "No Azure Policy assignment of the source covers the workspace: Azure Policy lets every model through, and RBAC alone (the DeployModel activity) decides who may deploy.";

    public const string GuardrailsNote =
        "What Azure Policy does to deploying each model into the workspace, whoever deploys it; who may deploy at all is the DeployModel activity.";

    /// <summary>A principal's name, else its object id.</summary>
    public static string Name(Principal principal) =>
        PrincipalIdComparer.Instance.Equals(principal.Id, ObjectIds.AllPrincipals) ? "everyone (all principals)" : principal.DisplayName ?? principal.Id;

    /// <summary>The principals of a deny assignment, or "none".</summary>
    public static string Names(IReadOnlyList<Principal> principals) => principals.Count == 0 ? "none" : string.Join(", ", principals.Select(Name));

    /// <summary>An operation without its provider namespace, for a column heading ("roleAssignments/write"); the full name goes beside it.</summary>
    public static string Short(string operation) => operation.IndexOf('/') is var slash and >= 0 ? operation[(slash + 1)..] : operation;

    /// <summary>What a deny assignment denies: its Actions and DataActions, less its NotActions and NotDataActions.</summary>
    public static string Denies(DenyAssignment deny)
    {
        var denied = deny.Permissions.SelectMany(p => p.Actions.Concat(p.DataActions)).ToList();
        var except = deny.Permissions.SelectMany(p => p.NotActions.Concat(p.NotDataActions)).ToList();
        return (denied.Count == 0 ? "nothing" : string.Join(", ", denied)) + (except.Count == 0 ? string.Empty : " except " + string.Join(", ", except));
    }

    /// <summary>Where a deny assignment is, and whether it reaches the workspace itself.</summary>
    public static string Reach(WorkspaceDeny deny) =>
        deny.ReachesWorkspace
            ? $"{deny.Deny.Scope} (reaches the workspace{(deny.Deny.DoNotApplyToChildScopes ? ", not its child resources" : " and its child resources")})"
            : $"{deny.Deny.Scope} (a resource in the workspace)";

    /// <summary>The reasons of an answer, one sentence each.</summary>
    public static IReadOnlyList<string> Reasons(PermissionAnswer answer) => DecisionText.Explain(answer);

    /// <summary>The reasons of a policy verdict, one sentence each.</summary>
    public static IReadOnlyList<string> Reasons(ModelGuardrail guardrail) => DecisionText.Explain(guardrail.Reasons);

    /// <summary>A who-can holder's name, else its object id.</summary>
    public static string Holder(PermissionAnswer holder) => holder.PrincipalName ?? holder.Operation!.PrincipalId!;
}
