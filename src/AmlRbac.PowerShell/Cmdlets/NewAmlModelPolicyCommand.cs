using System.Management.Automation;
using AmlRbac.Questions;
using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.PowerShell.Output;

namespace AmlRbac.PowerShell.Cmdlets;

/// <summary>
/// New-AmlModelPolicy: an Azure Policy assignment that governs which models may be deployed (built-in 19539b54
/// with -AllowedRegistry, built-in 12e5dd16 with -AllowedPublisher / -AllowedAssetId, or the Model Catalog
/// curation blog's custom allow-list [SEED2] with -AllowedModel), as objects and JSON New-AzPolicyAssignment and
/// az policy assignment create take. It creates nothing in Azure; -OutFile writes the parameters file, -DefinitionOutFile the custom definition.
/// </summary>
[Cmdlet(VerbsCommon.New, "AmlModelPolicy", DefaultParameterSetName = RegistrySet)]
[OutputType(typeof(AmlModelPolicy))]
public sealed class NewAmlModelPolicyCommand : PSCmdlet
{
    public const string RegistrySet = "Registry";
    public const string ApprovedModelsSet = "ApprovedModels";
    public const string AllowListSet = "AllowList";

    /// <summary>The one registry models may be deployed from; an empty string blocks every registry model.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RegistrySet)]
    [AllowEmptyString]
    public string? AllowedRegistry { get; set; }

    [Parameter(ParameterSetName = RegistrySet)]
    [ValidateNotNullOrEmpty]
    public string[]? RestrictedModel { get; set; }

    [Parameter(ParameterSetName = ApprovedModelsSet)]
    [ValidateNotNullOrEmpty]
    public string[]? AllowedPublisher { get; set; }

    [Parameter(ParameterSetName = ApprovedModelsSet)]
    [ValidateNotNullOrEmpty]
    public string[]? AllowedAssetId { get; set; }

    /// <summary>The full asset ids the blog's custom allow-list definition [SEED2] allows.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllowListSet)]
    [AllowEmptyCollection]
    public string[]? AllowedModel { get; set; }

    /// <summary>Where the custom definition is saved: a management group or subscription (default: the subscription of -Scope).</summary>
    [Parameter(ParameterSetName = AllowListSet)]
    [ValidateNotNullOrEmpty]
    public string? DefinitionScope { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? Scope { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DisplayName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? NotScope { get; set; }

    [Parameter]
    [ValidateSet("Deny", "Audit", "Disabled")]
    public string Effect { get; set; } = "Deny";

    [Parameter]
    public EnforcementMode EnforcementMode { get; set; } = EnforcementMode.Default;

    /// <summary>Writes the parameters file ({"name": {"value": ...}}) New-AzPolicyAssignment -PolicyParameter and az --params take.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>
    /// With -AllowedModel: writes the custom definition (the body az rest --body @file and New-AzPolicyDefinition
    /// -Policy take). With -OutFile, both files are written or neither.
    /// </summary>
    [Parameter(ParameterSetName = AllowListSet)]
    [ValidateNotNullOrEmpty]
    public string? DefinitionOutFile { get; set; }

    protected override void ProcessRecord()
    {
        ModelPolicy policy;
        try
        {
            policy = Request().Build();
            policy.WriteFiles(ProviderPath(OutFile), ProviderPath(DefinitionOutFile));
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

    // The parameter sets keep the kinds apart as PowerShell binds them; the kind itself is the engine's rule, as for the CLI.
    private ModelPolicyRequest Request()
    {
        var given = Enum.GetValues<ModelPolicyInput>().Where(i => MyInvocation.BoundParameters.ContainsKey(i.ToString())).ToList();
        return new ModelPolicyRequest
        {
            Kind = ModelPolicyRequest.KindFor(given, i => "-" + i),
            Scope = Scope!,
            AllowedRegistry = AllowedRegistry ?? "",
            RestrictedModels = RestrictedModel ?? Array.Empty<string>(),
            AllowedPublishers = AllowedPublisher ?? Array.Empty<string>(),
            AllowedAssetIds = AllowedAssetId ?? Array.Empty<string>(),
            AllowedModels = AllowedModel ?? Array.Empty<string>(),
            DefinitionScope = DefinitionScope,
            Name = Name,
            DisplayName = DisplayName,
            NotScopes = NotScope ?? Array.Empty<string>(),
            Effect = Effect,
            EnforcementMode = EnforcementMode,
        };
    }

    private string? ProviderPath(string? path) => path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
}
