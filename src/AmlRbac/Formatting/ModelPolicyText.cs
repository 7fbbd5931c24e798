using System.Text;
using AmlRbac.Guardrails;
using AmlRbac.Policy;

namespace AmlRbac.Formatting;

/// <summary>
/// An authored model guardrail for people: what it assigns where, its parameters file, and the commands that
/// create it with the Azure CLI (az policy assignment create: --name, --scope, --policy, --params, --not-scopes,
/// --enforcement-mode, https://learn.microsoft.com/cli/azure/policy/assignment) and Az PowerShell
/// (New-AzPolicyAssignment -Name -Scope -PolicyDefinition -PolicyParameter -NotScope -EnforcementMode,
/// https://learn.microsoft.com/powershell/module/az.resources/new-azpolicyassignment).
/// </summary>
public static class ModelPolicyText
{
    // The stable policy api-version of the specs read (shared/reference/policy/notes.md (c)).
    private const string DefinitionApiVersion = "2025-03-01";

    /// <summary><paramref name="parametersFile"/>: the file the commands read the parameters from (the --out-file, when given).</summary>
    public static string Render(ModelPolicy policy, string parametersFile)
    {
        var assignment = policy.Assignment;
        var text = new StringBuilder();
        text.AppendLine($"Assignment  {assignment.Id}");
        text.AppendLine($"Definition  {assignment.PolicyDefinitionId}");
        text.AppendLine("Parameters");
        text.AppendLine(assignment.ParametersJson);
        if (policy.Definition is { } definition)
        {
            text.AppendLine("Custom definition (create it first)");
            text.AppendLine(definition.DefinitionJson);
        }
        text.AppendLine("Create with");
        if (policy.Definition is { } custom)
        {
            text.AppendLine($"  az rest --method put --url \"https://management.azure.com{custom.Id}?api-version={DefinitionApiVersion}\" --body @definition.json");
        }
        var notScopeList = policy.Request.NotScopes;
        var enforcementMode = policy.Request.EnforcementMode;
        var az = new StringBuilder($"  az policy assignment create --name {assignment.Name} --scope \"{assignment.Scope}\" --policy \"{assignment.PolicyDefinitionId}\" --params {parametersFile}");
        var ps = new StringBuilder($"  New-AzPolicyAssignment -Name {assignment.Name} -Scope '{assignment.Scope}' -PolicyDefinition (Get-AzPolicyDefinition -Id '{assignment.PolicyDefinitionId}') -PolicyParameter {parametersFile}");
        if (notScopeList.Count > 0)
        {
            az.Append(" --not-scopes ").Append(string.Join(" ", notScopeList.Select(s => $"\"{s}\"")));
            ps.Append(" -NotScope ").Append(string.Join(",", notScopeList.Select(s => $"'{s}'")));
        }
        if (enforcementMode != EnforcementMode.Default)
        {
            az.Append(" --enforcement-mode ").Append(enforcementMode);
            ps.Append(" -EnforcementMode ").Append(enforcementMode);
        }
        text.AppendLine(az.ToString());
        text.AppendLine(ps.ToString());
        return text.ToString();
    }
}
