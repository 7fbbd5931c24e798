using System.Text;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Questions;

namespace AmlRbac.Output;

/// <summary>
/// An authored model guardrail or posture initiative for people: what it assigns where, its parameters file, and the commands that
/// create it with the Azure CLI (az policy assignment create: --name, --scope, --policy, --params, --not-scopes,
/// --enforcement-mode, https://learn.microsoft.com/cli/azure/policy/assignment) and Az PowerShell
/// (New-AzPolicyAssignment -Name -Scope -PolicyDefinition -PolicyParameter -NotScope -EnforcementMode,
/// https://learn.microsoft.com/powershell/module/az.resources/new-azpolicyassignment); an initiative is assigned with
/// --policy-set-definition and -PolicySetDefinition (Get-AzPolicySetDefinition -Id), same pages.
/// </summary>
public static class ModelPolicyText
{
    // The stable policy api-version of the specs read ([SPEC-PD], stable/2025-03-01).
    private const string DefinitionApiVersion = "2025-03-01";

    // The names the commands use for files the caller did not write.
    private const string DefaultParametersFile = "parameters.json";
    private const string DefaultDefinitionFile = "definition.json";

    /// <summary>
    /// <paramref name="parametersFile"/> and <paramref name="definitionFile"/>: the files written (null when not);
    /// the commands read those, or name parameters.json and definition.json and say to save the JSON shown there.
    /// </summary>
    public static string Render(AuthoredPolicy policy, string? parametersFile, string? definitionFile)
    {
        var assignment = policy.Assignment;
        var text = new StringBuilder();
        text.AppendLine($"Assignment  {assignment.Id}");
        text.AppendLine($"Definition  {assignment.PolicyDefinitionId}");
        text.AppendLine("Parameters");
        text.AppendLine(assignment.ParametersJson);
        if (policy.Definition is { } definition)
        {
            text.AppendLine(definition.IsInitiative ? "Initiative (create it first)" : "Custom definition (create it first)");
            text.AppendLine(definition.DefinitionJson);
        }
        var unwritten = new List<string>();
        if (policy.Definition is not null && definitionFile is null)
        {
            unwritten.Add($"the {(policy.Definition.IsInitiative ? "initiative" : "custom definition")} as {DefaultDefinitionFile}");
        }
        if (parametersFile is null)
        {
            unwritten.Add($"the parameters as {DefaultParametersFile}");
        }
        parametersFile ??= DefaultParametersFile;
        text.AppendLine(unwritten.Count == 0 ? "Create with" : $"Create with (first save {string.Join(" and ", unwritten)}: no file was written)");
        if (policy.Definition is { } custom)
        {
            text.AppendLine($"  az rest --method put --url \"https://management.azure.com{custom.Id}?api-version={DefinitionApiVersion}\" --body @{definitionFile ?? DefaultDefinitionFile}");
        }
        var notScopeList = policy.NotScopes;
        var enforcementMode = policy.EnforcementMode;
        var initiative = policy.Definition?.IsInitiative == true;
        var az = new StringBuilder($"  az policy assignment create --name {assignment.Name} --scope \"{assignment.Scope}\" {(initiative ? "--policy-set-definition" : "--policy")} \"{assignment.PolicyDefinitionId}\" --params {parametersFile}");
        var ps = new StringBuilder(initiative
            ? $"  New-AzPolicyAssignment -Name {assignment.Name} -Scope '{assignment.Scope}' -PolicySetDefinition (Get-AzPolicySetDefinition -Id '{assignment.PolicyDefinitionId}') -PolicyParameter {parametersFile}"
            : $"  New-AzPolicyAssignment -Name {assignment.Name} -Scope '{assignment.Scope}' -PolicyDefinition (Get-AzPolicyDefinition -Id '{assignment.PolicyDefinitionId}') -PolicyParameter {parametersFile}");
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
