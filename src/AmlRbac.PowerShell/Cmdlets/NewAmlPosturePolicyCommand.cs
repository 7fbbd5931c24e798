using System.Management.Automation;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// New-AmlPosturePolicy: the initiative of built-in Machine Learning policy definitions that enforces the workspace
/// posture (the rules given by -RuleId, or every rule that has one), and its assignment, as objects and JSON
/// New-AzPolicyAssignment and az policy assignment create take. A cmdlet of its own rather than a switch of
/// New-AmlModelPolicy: that cmdlet's parameter sets are model guardrails, each with its mandatory model input,
/// and posture shares only the assignment's settings. It creates nothing in Azure; -OutFile writes the parameters
/// file and -DefinitionOutFile the initiative, whole or not at all, and -WhatIf writes neither.
/// </summary>
[Cmdlet(VerbsCommon.New, "AmlPosturePolicy", DefaultParameterSetName = PostureSet, SupportsShouldProcess = true)]
[OutputType(typeof(AmlModelPolicy))]
public sealed class NewAmlPosturePolicyCommand : PSCmdlet
{
    public const string PostureSet = "Posture";

    /// <summary>Where the assignment goes: a management group, subscription or resource group.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    /// <summary>The ids of the rules to enforce (AMLP001 ...); default every rule that a built-in policy audits or denies.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RuleId { get; set; }

    /// <summary>Where the initiative is saved: a management group or subscription (default: the subscription of -Scope).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefinitionScope { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NotScope { get; set; }

    /// <summary>Deny, Audit or Disabled; a member whose definition cannot Deny audits instead, with a warning.</summary>
    [Parameter]
    [ValidateSet("Deny", "Audit", "Disabled")]
    public string Effect { get; set; } = "Deny";

    [Parameter]
    public EnforcementMode EnforcementMode { get; set; } = EnforcementMode.Default;

    /// <summary>Writes the parameters file ({"name": {"value": ...}}) New-AzPolicyAssignment -PolicyParameter and az --params take.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>Writes the initiative (the body az rest --body @file sends). With -OutFile, both files are written or neither.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DefinitionOutFile { get; set; }

    protected override void ProcessRecord()
    {
        PosturePolicy policy;
        try
        {
            policy = new PosturePolicyRequest
            {
                Scope = Scope!,
                Rules = RuleId ?? Array.Empty<string>(),
                DefinitionScope = DefinitionScope,
                Name = Name,
                DisplayName = DisplayName,
                NotScopes = NotScope ?? Array.Empty<string>(),
                Effect = Effect,
                EnforcementMode = EnforcementMode,
            }.Build();
            var (outFile, definitionOutFile) = (ProviderPath(OutFile), ProviderPath(DefinitionOutFile));
            var files = new[] { outFile, definitionOutFile }.OfType<string>().ToList();
            if (files.Count > 0 && ShouldProcess(string.Join(", ", files), $"Write the posture initiative {policy.Initiative.Definition.Id} and its assignment's parameters"))
            {
                policy.WriteFiles(outFile, definitionOutFile);
            }
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
            return;
        }
        foreach (var warning in policy.Warnings)
        {
            WriteWarning(warning);
        }
        WriteObject(AmlModelPolicy.From(policy));
    }

    private string? ProviderPath(string? path) => path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
}
