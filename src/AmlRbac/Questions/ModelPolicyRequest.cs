using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// What New-AmlModelPolicy and 'amlrbac policy new' are asked for, as the user gave it (strings): both hosts bind
/// their parameters here and <see cref="Build"/> checks and authors, so they accept and refuse the same input.
/// </summary>
public sealed record ModelPolicyRequest
{
    public required ModelPolicyKind Kind { get; init; }

    /// <summary>Where the assignment goes: a management group, subscription or resource group [SCOPE].</summary>
    public required string Scope { get; init; }

    /// <summary>RestrictToRegistry: the one registry allowed; empty is the built-in's default, blocking every registry model.</summary>
    public string AllowedRegistry { get; init; } = "";
    public IReadOnlyList<string> RestrictedModels { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> AllowedPublishers { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> AllowedAssetIds { get; init; } = Array.Empty<string>();

    /// <summary>CustomAllowList: the full asset ids allowed.</summary>
    public IReadOnlyList<string> AllowedModels { get; init; } = Array.Empty<string>();

    /// <summary>CustomAllowList: where the definition is saved; the assignment scope's subscription when null.</summary>
    public string? DefinitionScope { get; init; }

    public string? Name { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> NotScopes { get; init; } = Array.Empty<string>();
    public string Effect { get; init; } = "Deny";
    public EnforcementMode EnforcementMode { get; init; } = EnforcementMode.Default;

    /// <summary>
    /// The kind of guardrail the <paramref name="given"/> inputs ask for, the same in both hosts: exactly one kind's
    /// inputs (the registry; publishers or asset ids; the allow-list's models), and the inputs that go with one kind
    /// only given with it. <paramref name="spelling"/> is how the host names an input in the message
    /// (-AllowedRegistry, --allowed-registry). Throws ParameterCombinationInvalid.
    /// </summary>
    public static ModelPolicyKind KindFor(IReadOnlyCollection<ModelPolicyInput> given, Func<ModelPolicyInput, string> spelling)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(spelling);
        var registry = given.Contains(ModelPolicyInput.AllowedRegistry);
        var approved = given.Contains(ModelPolicyInput.AllowedPublisher) || given.Contains(ModelPolicyInput.AllowedAssetId);
        var allowList = given.Contains(ModelPolicyInput.AllowedModel);
        if (new[] { registry, approved, allowList }.Count(k => k) != 1)
        {
            throw Combination($"Give one kind of guardrail: {spelling(ModelPolicyInput.AllowedRegistry)} (with {spelling(ModelPolicyInput.RestrictedModel)}), " +
                $"{spelling(ModelPolicyInput.AllowedPublisher)} / {spelling(ModelPolicyInput.AllowedAssetId)}, or {spelling(ModelPolicyInput.AllowedModel)}.", null);
        }
        if (given.Contains(ModelPolicyInput.RestrictedModel) && !registry)
        {
            throw Combination($"{spelling(ModelPolicyInput.RestrictedModel)} goes with {spelling(ModelPolicyInput.AllowedRegistry)}.", ModelPolicyInput.RestrictedModel);
        }
        if (given.Contains(ModelPolicyInput.DefinitionScope) && !allowList)
        {
            throw Combination($"{spelling(ModelPolicyInput.DefinitionScope)} goes with {spelling(ModelPolicyInput.AllowedModel)}.", ModelPolicyInput.DefinitionScope);
        }
        if (given.Contains(ModelPolicyInput.DefinitionOutFile) && !allowList)
        {
            throw Combination($"{spelling(ModelPolicyInput.DefinitionOutFile)} goes with {spelling(ModelPolicyInput.AllowedModel)}: the other guardrails assign a built-in definition.",
                ModelPolicyInput.DefinitionOutFile);
        }
        return registry ? ModelPolicyKind.RestrictToRegistry : approved ? ModelPolicyKind.ApprovedRegistryModels : ModelPolicyKind.CustomAllowList;

        AmlRbacException Combination(string message, ModelPolicyInput? input) =>
            new(ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument, message, input is { } named ? spelling(named) : null);
    }

    /// <summary>
    /// Authors the guardrail. Throws ScopeInvalid for a bad scope, ModelAssetIdInvalid for a bad asset id and
    /// PolicyParameterInvalid for a value the definition does not accept.
    /// </summary>
    public ModelPolicy Build()
    {
        var scope = AssignmentScope(Scope, "a model guardrail");
        // The built-in definitions AmlRbac ships say which effects their assignments may give.
        var author = new ModelPolicyAuthoring(PolicyCatalog.Default.Find);
        var settings = new AssignmentSettings
        {
            Name = Name,
            DisplayName = DisplayName,
            Effect = Effect,
            NotScopes = NotScopes.Select(AmlRbac.Model.Scope.Parse).ToList(),
            EnforcementMode = EnforcementMode,
        };
        switch (Kind)
        {
            case ModelPolicyKind.RestrictToRegistry:
                return new ModelPolicy(author.RestrictToRegistry(scope, AllowedRegistry, RestrictedModels, settings), null, this);
            case ModelPolicyKind.ApprovedRegistryModels:
                return new ModelPolicy(author.ApprovedRegistryModels(scope, AllowedPublishers, AllowedAssetIds, settings), null, this);
            default:
                var definition = author.AllowListDefinition(DefinitionScopeFor(DefinitionScope, scope));
                return new ModelPolicy(author.AssignAllowList(scope, definition, AllowedModels, settings), definition, this);
        }
    }

    /// <summary>
    /// The scope an authored assignment goes to: a management group, subscription or resource group, above the
    /// workspaces it governs, since workspaces and what is created in them are governed where they are created [SCOPE].
    /// <paramref name="what"/> names the policy in the message. Throws ScopeInvalid.
    /// </summary>
    internal static Scope AssignmentScope(string text, string what)
    {
        var scope = AmlRbac.Model.Scope.Parse(text);
        if (scope.Level is not (ScopeLevel.ManagementGroup or ScopeLevel.Subscription or ScopeLevel.ResourceGroup))
        {
            throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument,
                $"Scope '{text}' is not a management group, subscription or resource group; assign {what} there, above the workspaces it governs.", text);
        }
        return scope;
    }

    /// <summary>Where a custom definition is saved: the one given, else the assignment scope's subscription, else (a management group) the scope itself.</summary>
    internal static Scope DefinitionScopeFor(string? given, Scope scope) => given is not null
        ? AmlRbac.Model.Scope.Parse(given)
        : scope.SubscriptionId is { } subscription ? AmlRbac.Model.Scope.ForSubscription(subscription) : scope;
}
