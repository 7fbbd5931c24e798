using AmlRbac.Output;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// The cells of the decision views in AmlRbac.Format.ps1xml that take more than a property, so the views hold no
/// rule: each column's width is the view's, and what does not fit is shortened from the left or wrapped by
/// <see cref="TextWrap"/>, keeping the end of an operation or a scope. The type names select a view: the cmdlets
/// add one to what they write when the question calls for another layout than the default table.
/// </summary>
public static class DecisionCells
{
    /// <summary>Test-AmlPermission -Detailed: the decision with its reasons, wrapped.</summary>
    public const string DetailedTypeName = "AmlRbac.PowerShell.Output.AmlPermissionDecision#Detailed";

    /// <summary>Get-AmlEffectiveAccess -Action: one line per principal, grouped by the operation asked.</summary>
    public const string WhoCanTypeName = "AmlRbac.PowerShell.Output.AmlPermissionDecision#WhoCan";

    /// <summary>Get-AmlEffectiveAccess -Recurse: one line per answer, grouped by the resource it is about.</summary>
    public const string ReachTypeName = "AmlRbac.PowerShell.Output.AmlPermissionDecision#Reach";

    /// <summary>
    /// The resource a recursive answer is about, as its group heading reads: "workspace mlw-dev: /subscriptions/...", the
    /// kind and name whole and the id shortened from the left to what is left of <paramref name="width"/>.
    /// </summary>
    public static string Resource(AmlPermissionDecision decision, int width)
    {
        var named = $"{decision.ResourceKind?.ToLowerInvariant()} {decision.ResourceName}: ";
        return named + TextWrap.Shorten(decision.Resource, Math.Max(width - named.Length, 10));
    }

    /// <summary>Whom the decision is about: "Alice Chen (f654bbdb-...)", the principal id, or "role 'AzureML Data Scientist'".</summary>
    public static string Who(AmlPermissionDecision decision) =>
        decision.PrincipalId is null ? $"role '{decision.RoleName}'"
        : decision.PrincipalName is { } name && !string.Equals(name, decision.PrincipalId, StringComparison.OrdinalIgnoreCase) ? $"{name} ({decision.PrincipalId})"
        : decision.PrincipalId;

    /// <summary>The principal's name, else its id, else "role '...'": a column, where the id does not fit beside the name.</summary>
    public static string Name(AmlPermissionDecision decision) =>
        decision.PrincipalName ?? decision.PrincipalId ?? $"role '{decision.RoleName}'";

    /// <summary>
    /// What was asked, in one line of <paramref name="width"/>: the operation shortened from the left, the activity,
    /// or for a deployment the model asked about (its activity is DeployModel or the like; the model tells the rows apart).
    /// </summary>
    public static string Asked(AmlPermissionDecision decision, int width) =>
        TextWrap.Shorten(decision.Model ?? decision.Activity ?? decision.Action, width);

    /// <summary>What was asked, whole, in lines of <paramref name="width"/>: the operation, or the activity and then its model.</summary>
    public static string AskedWrapped(AmlPermissionDecision decision, int width)
    {
        var lines = decision.Activity is null ? new List<string>() : new List<string> { decision.Activity };
        if ((decision.Model ?? decision.Action) is { } asked)
        {
            lines.AddRange(TextWrap.Wrap(asked, width));
        }
        return string.Join('\n', lines);
    }

    /// <summary>The decision's explanation, one "- " sentence each, wrapped to <paramref name="width"/>.</summary>
    public static string Why(AmlPermissionDecision decision, int width) => string.Join('\n', TextWrap.Bullets(decision.Explanation, width));
}
