using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// A recursive listing (answers that name their resource) as a table for a terminal: one row per resource and answer,
/// the resource, the decision, what was asked, who (for who-can) and the assignment that settled it. The full
/// reasons are in the JSON and in the cmdlet's objects; the table is for reading across resources.
/// </summary>
/// <example>
/// Resource               Decision     Asked                       Granted by
/// workspace mlw-dev      Allowed      workspaces/computes/write   AzureML Compute Operator at workspace mlw-dev, via ml-data-scientists
/// </example>
public static class ReachText
{
    public static string Render(IReadOnlyList<PermissionAnswer> answers, int width)
    {
        var whoCan = answers.Any(a => a.PrincipalType is not null);
        var headers = whoCan
            ? new[] { "Resource", "Decision", "Asked", "Principal", "Granted by" }
            : new[] { "Resource", "Decision", "Asked", "Granted by" };
        var rows = answers.Select(a =>
        {
            var resource = a.Resource is { } r ? $"{Kind(r.Kind)} {r.Name}" : string.Empty;
            var asked = a.Operation is not null ? AccessReportText.Short(a.Asked) : a.Asked;
            var row = new List<string> { resource, a.Outcome.ToString(), asked };
            if (whoCan)
            {
                row.Add(a.PrincipalName ?? a.Operation?.PrincipalId ?? string.Empty);
            }
            row.Add(GrantedBy(a));
            return (IReadOnlyList<string>)row;
        });
        return TextTable.Render(headers, rows, width);
    }

    /// <summary>"workspace", "registry", "compute": how a resource kind reads in a sentence.</summary>
    public static string Kind(AmlResourceKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A scope as a person names it: "management group contoso-ml", "resource group rg-ml-dev", "workspace mlw-dev".</summary>
    public static string Named(string scope)
    {
        if (!Scope.TryParse(scope, out var parsed, out _))
        {
            return scope;
        }
        return parsed.Level switch
        {
            ScopeLevel.Root => "the root scope /",
            ScopeLevel.ManagementGroup => $"management group {parsed.ManagementGroupId}",
            ScopeLevel.Subscription => $"subscription {parsed.SubscriptionId}",
            ScopeLevel.ResourceGroup => $"resource group {parsed.ResourceGroupName}",
            _ => AmlResource.Within(parsed) is { Count: > 0 } within && within[0].Id.Length >= parsed.Value.Length
                ? $"{Kind(within[0].Kind)} {within[0].Name}"
                : parsed.Value[(parsed.Value.LastIndexOf('/') + 1)..],
        };
    }

    /// <summary>The deciding assignment in words: its role, where it is, the group it came through, and whether it is eligible or conditional.</summary>
    public static string GrantedBy(PermissionAnswer answer)
    {
        if (answer.DecidingReason is not { } reason)
        {
            return string.Empty;
        }
        var text = $"{reason.RoleName ?? reason.RoleDefinitionId} at {Named(reason.Scope ?? "/")}";
        if ((reason.ViaGroupName ?? reason.ViaGroupId) is { } group)
        {
            text += $", via {group}";
        }
        if (answer.Outcome == Outcome.Eligible)
        {
            text += " (eligible: after PIM activation)";
        }
        if (answer.Outcome == Outcome.Conditional && reason.Condition is not null)
        {
            text += " (under an ABAC condition)";
        }
        return text;
    }
}
