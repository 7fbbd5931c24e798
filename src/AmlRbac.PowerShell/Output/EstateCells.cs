using AmlRbac.Output;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// The cells of the AmlAccessEstate view in AmlRbac.Format.ps1xml that take more than a property: its lists, one line
/// per item, each shortened to the view's width, so the view holds no rule.
/// </summary>
public static class EstateCells
{
    /// <summary>One resource id a line.</summary>
    public static string Resources(AmlAccessEstate estate, int width) =>
        string.Join('\n', estate.Resources.Select(r => TextWrap.Shorten(r, width)));

    /// <summary>"Allowed roleAssignments/write  Carol Diaz  at subscription ...", one holding a line.</summary>
    public static string Privileged(AmlAccessEstate estate, int width) =>
        string.Join('\n', estate.Privileged.Select(d =>
            TextWrap.Shorten($"{d.Decision} {AccessReportText.Short(d.Action ?? string.Empty)}  {DecisionCells.Name(d)}  at {ReachText.Named(d.Scope ?? "/")}", width)));

    /// <summary>"Orphaned Reader for 0e0e... at resource group rg-ml-dev", one finding a line.</summary>
    public static string Findings(AmlAccessEstate estate, int width) =>
        string.Join('\n', estate.Findings.Select(f =>
            TextWrap.Shorten($"{f.Kind} {f.RoleName ?? f.RoleDefinitionId} for {f.PrincipalName ?? f.PrincipalId} at {ReachText.Named(f.Scope)}", width)));
}
