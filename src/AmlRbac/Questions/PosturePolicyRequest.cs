using AmlRbac.Authoring;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// What New-AmlPosturePolicy and 'amlrbac policy new --posture' are asked for, as the user gave it (strings): the
/// rules to enforce, where to assign them and with which effect. Both hosts bind their parameters here and
/// <see cref="Build"/> checks and authors, so they accept and refuse the same input.
/// </summary>
public sealed record PosturePolicyRequest
{
    /// <summary>Where the assignment goes: a management group, subscription or resource group [SCOPE].</summary>
    public required string Scope { get; init; }

    /// <summary>
    /// The ids of the rules to enforce (AMLP001 ...), each of which must have a built-in definition AmlRbac assigns
    /// (Catalog/Data/posture-enforcement.json); empty enforces every rule that has one.
    /// </summary>
    public IReadOnlyList<string> Rules { get; init; } = Array.Empty<string>();

    /// <summary>Where the initiative is saved; the assignment scope's subscription when null.</summary>
    public string? DefinitionScope { get; init; }

    /// <summary>The initiative's and the assignment's name; <see cref="PosturePolicyAuthoring.DefaultName"/> when null.</summary>
    public string? Name { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> NotScopes { get; init; } = Array.Empty<string>();

    /// <summary>Deny, Audit or Disabled; a member whose definition cannot Deny audits instead (with a warning).</summary>
    public string Effect { get; init; } = "Deny";
    public EnforcementMode EnforcementMode { get; init; } = EnforcementMode.Default;

    /// <summary>
    /// Whether the <paramref name="given"/> inputs of 'policy new' ask for the posture initiative rather than a model
    /// guardrail, the same in both hosts: <see cref="ModelPolicyInput.Posture"/> with no model guardrail's input, and
    /// <see cref="ModelPolicyInput.Rule"/> only with it. <paramref name="spelling"/> is how the host names an input
    /// (--posture). Throws ParameterCombinationInvalid.
    /// </summary>
    public static bool IsAskedFor(IReadOnlyCollection<ModelPolicyInput> given, Func<ModelPolicyInput, string> spelling)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(spelling);
        var posture = given.Contains(ModelPolicyInput.Posture);
        if (!posture && given.Contains(ModelPolicyInput.Rule))
        {
            throw Combination($"{spelling(ModelPolicyInput.Rule)} goes with {spelling(ModelPolicyInput.Posture)}.", ModelPolicyInput.Rule);
        }
        var modelInputs = new[] { ModelPolicyInput.AllowedRegistry, ModelPolicyInput.RestrictedModel, ModelPolicyInput.AllowedPublisher, ModelPolicyInput.AllowedAssetId, ModelPolicyInput.AllowedModel };
        if (posture && modelInputs.Where(given.Contains).Select(i => (ModelPolicyInput?)i).FirstOrDefault() is { } model)
        {
            throw Combination($"{spelling(ModelPolicyInput.Posture)} enforces the workspace posture; {spelling(model)} is a model guardrail's: give one or the other.", model);
        }
        return posture;

        AmlRbacException Combination(string message, ModelPolicyInput input) =>
            new(ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument, message, spelling(input));
    }

    /// <summary>
    /// Authors the initiative and its assignment. Throws ScopeInvalid for a bad scope, PostureRuleUnknown for an id
    /// that is no rule, PostureRuleNotEnforceable for a rule no built-in AmlRbac assigns enforces, and
    /// PolicyParameterInvalid for a value the definitions do not accept.
    /// </summary>
    public PosturePolicy Build()
    {
        var scope = ModelPolicyRequest.AssignmentScope(Scope, "the posture initiative");
        var members = Rules.Count == 0
            ? PostureRules.All.Where(r => PostureEnforcements.For(r) is not null).Select(r => (r, PostureEnforcements.For(r)!)).ToList()
            : PostureRules.Select(Rules).Select(r => (r, PostureEnforcements.For(r) ?? throw NotEnforceable(r))).ToList();
        var name = string.IsNullOrWhiteSpace(Name) ? PosturePolicyAuthoring.DefaultName : Name.Trim();
        // The built-in definitions AmlRbac ships say which effects each member may take.
        var initiative = new PosturePolicyAuthoring(PolicyCatalog.Default.Find)
            .Initiative(ModelPolicyRequest.DefinitionScopeFor(DefinitionScope, scope), members, Effect, name);
        var settings = new AssignmentSettings
        {
            Name = name,
            DisplayName = DisplayName,
            Effect = Effect,
            NotScopes = NotScopes.Select(AmlRbac.Model.Scope.Parse).ToList(),
            EnforcementMode = EnforcementMode,
        };
        return new PosturePolicy(PosturePolicyAuthoring.Assign(scope, initiative, settings), initiative, this);
    }

    private static AmlRbacException NotEnforceable(PostureRule rule) => new(ErrorIds.PostureRuleNotEnforceable, FailureCategory.InvalidArgument,
        $"{rule.Id} ({rule.Name}) has no built-in Azure Policy definition that audits or denies it "
        + (rule.PolicyDefinitionId is { } id ? $"({id} only deploys or modifies resources)" : "")
        + $"; the rules that have one are {string.Join(", ", PostureRules.All.Where(r => PostureEnforcements.For(r) is not null).Select(r => r.Id))}.", rule.Id);
}
