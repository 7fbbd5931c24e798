namespace AmlRbac.Questions;

/// <summary>
/// The inputs of a model guardrail that say which kind it is, or go with one kind only
/// (<see cref="ModelPolicyRequest.KindFor"/>), and those that ask for the posture initiative instead
/// (<see cref="PosturePolicyRequest.IsAskedFor"/>). The names are New-AmlModelPolicy's parameters; the CLI spells
/// them as its options (--allowed-registry ...).
/// </summary>
public enum ModelPolicyInput
{
    /// <summary>The one registry allowed: built-in 19539b54 (RestrictToRegistry).</summary>
    AllowedRegistry,
    /// <summary>Models that stay blocked; with <see cref="AllowedRegistry"/> only.</summary>
    RestrictedModel,
    /// <summary>Allowed publishers: built-in 12e5dd16 (ApprovedRegistryModels).</summary>
    AllowedPublisher,
    /// <summary>Allowed asset ids or their beginnings: built-in 12e5dd16 (ApprovedRegistryModels).</summary>
    AllowedAssetId,
    /// <summary>The full asset ids of the custom allow-list (CustomAllowList).</summary>
    AllowedModel,
    /// <summary>Where the custom definition is saved; with <see cref="AllowedModel"/> only.</summary>
    DefinitionScope,
    /// <summary>The file the custom definition is written to; with <see cref="AllowedModel"/> only.</summary>
    DefinitionOutFile,
    /// <summary>Not a model guardrail: the posture initiative (<see cref="PosturePolicyRequest"/>).</summary>
    Posture,
    /// <summary>A posture rule to enforce; with <see cref="Posture"/> only.</summary>
    Rule,
}
