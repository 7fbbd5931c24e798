using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>
/// Judges one assignment against one model deployment, in an order assembled from the docs (inference): scope and
/// notScopes [SCOPE], definition (or each initiative member) with its parameters [ASSIGN][INIT][PARAMS], mode [BASICS],
/// effect [EFFECTS], exemptions [EXEMPT], rule [RULE], enforcement [ASSIGN].
/// </summary>
internal sealed class AssignmentJudge
{
    private const string BuiltInPrefix = "/providers/Microsoft.Authorization/policyDefinitions/";

    private readonly PolicyState _state;
    private readonly ModelDeploymentRequest _request;
    private readonly PolicyOptions _options;
    private readonly PolicyScopeReach _reach;

    public AssignmentJudge(PolicyState state, ModelDeploymentRequest request, PolicyOptions options)
    {
        _state = state;
        _request = request;
        _options = options;
        _reach = new PolicyScopeReach(options.ManagementGroups);
    }

    /// <summary>The verdicts of an assignment: none when its scope does not cover the workspace, one per initiative member.</summary>
    public IEnumerable<AssignmentVerdict> Judge(PolicyAssignment assignment)
    {
        var workspace = _request.Workspace;
        switch (_reach.Covers(assignment.Scope, workspace))
        {
            case Reach.No:
                return Array.Empty<AssignmentVerdict>();
            case Reach.Unknown:
                return new[] { Verdict(assignment, Policy.Verdict.Unknown,
                    $"It is assigned at management group '{assignment.Scope.ManagementGroupId}', and the management-group hierarchy given does not place subscription '{workspace.SubscriptionId}', so whether it applies cannot be told.") };
        }
        foreach (var notScope in assignment.NotScopes)
        {
            switch (_reach.Covers(notScope, workspace))
            {
                case Reach.Yes:
                    // [SCOPE]: "Resources within these scopes aren't evaluated or included in the compliance count."
                    return new[] { Verdict(assignment, Policy.Verdict.NotApplicable, $"The workspace is in its notScopes ('{notScope}'), which are not evaluated {PublicSource.PolicyScope}.") };
                case Reach.Unknown:
                    return new[] { Verdict(assignment, Policy.Verdict.Unknown, $"Its notScope '{notScope}' is a management group the hierarchy given does not relate to subscription '{workspace.SubscriptionId}'.") };
            }
        }
        if (assignment.HasSelectorsOrOverrides)
        {
            return new[] { Verdict(assignment, Policy.Verdict.Unknown,
                $"It has resourceSelectors or overrides, which narrow where it applies or change its effect {PublicSource.PolicyAssignments}; AmlRbac does not evaluate them.") };
        }
        return assignment.IsSetAssignment
            ? JudgeSet(assignment)
            : new[] { JudgeDefinition(assignment, null, FindDefinition(assignment.PolicyDefinitionId), assignment.Parameters) };
    }

    private IEnumerable<AssignmentVerdict> JudgeSet(PolicyAssignment assignment)
    {
        var set = _state.SetDefinitions.FirstOrDefault(s => string.Equals(s.Id, assignment.PolicyDefinitionId, StringComparison.OrdinalIgnoreCase));
        if (set is null)
        {
            yield return Verdict(assignment, Policy.Verdict.Unknown, $"Its policy set definition '{assignment.PolicyDefinitionId}' is not in the snapshot.");
            yield break;
        }
        // [INIT]: members receive values such as "[parameters('initParam')]", resolved against the initiative's
        // parameters, which take the assignment's values or their defaults.
        var setContext = new RuleContext(_request, new ParameterValues(set.Parameters, assignment.Parameters));
        foreach (var member in set.Members)
        {
            yield return JudgeMember(assignment, member, setContext);
        }
    }

    private AssignmentVerdict JudgeMember(PolicyAssignment assignment, PolicySetMember member, RuleContext setContext)
    {
        Dictionary<string, object?> given;
        try
        {
            given = member.Parameters.ToDictionary(p => p.Key, p => TemplateExpression.Resolve(p.Value, setContext), StringComparer.OrdinalIgnoreCase);
        }
        catch (CannotEvaluateException e)
        {
            return Verdict(assignment, Policy.Verdict.Unknown, $"The values the initiative passes to member '{member.PolicyDefinitionReferenceId}' cannot be resolved: {e.Message}") with
            {
                PolicyDefinitionReferenceId = member.PolicyDefinitionReferenceId,
            };
        }
        return JudgeDefinition(assignment, member.PolicyDefinitionReferenceId, FindDefinition(member.PolicyDefinitionId), given);
    }

    private AssignmentVerdict JudgeDefinition(PolicyAssignment assignment, string? referenceId, PolicyDefinition? definition, IReadOnlyDictionary<string, object?> given)
    {
        var start = Verdict(assignment, Policy.Verdict.Unknown, "") with { PolicyDefinitionReferenceId = referenceId, Definition = definition };
        if (definition is null)
        {
            return start with { Explanation = "Its policy definition is neither in the snapshot nor one of the built-ins AmlRbac ships." };
        }
        if (!PolicyModes.EvaluatesModelDeployments(definition.Mode))
        {
            return start with
            {
                Verdict = Policy.Verdict.NotApplicable,
                Explanation = $"Its definition's mode '{definition.Mode}' does not evaluate model deployments; only {PolicyModes.MachineLearningV2Data} does {PublicSource.PolicyBasics}.",
            };
        }

        var context = new RuleContext(_request, new ParameterValues(definition.Parameters, given));
        string effect;
        try
        {
            // [EFFECTS]: the effect is usually "[parameters('effect')]", resolved with the assignment's values.
            var resolved = TemplateExpression.Resolve(RuleEffect(definition), context);
            effect = resolved as string ?? throw new CannotEvaluateException($"the effect resolves to {PolicyValues.Show(resolved)}, not a name.");
        }
        catch (CannotEvaluateException e)
        {
            return start with { Explanation = $"Its effect cannot be resolved: {e.Message}", Notes = context.Notes };
        }
        start = start with { Effect = effect };
        if (Is(effect, "Disabled"))
        {
            // [EFFECTS] disabled is evaluated first; [ASSIGN] it "prevents resource evaluation from happening at all".
            return start with { Verdict = Policy.Verdict.NotApplicable, Explanation = $"Its effect is Disabled, so it evaluates nothing {PublicSource.PolicyEffects}." };
        }

        var notes = new List<string>();
        var exemption = FindExemption(assignment, referenceId, notes);
        if (exemption is not null)
        {
            // Only v2.Data definitions get here, a mode whose exemptions the docs say don't work (see ExemptionHandling).
            // An honoured exemption decides before the rule: exempted resources "show as Exempted in compliance reports" [SCOPE].
            if (_options.ExemptionHandling == ExemptionHandling.Honour)
            {
                return start with
                {
                    Verdict = Policy.Verdict.Exempt,
                    Exemption = exemption,
                    Explanation = $"Exemption '{exemption.Name}' ({exemption.Category}) at '{exemption.Scope}' covers the workspace.",
                    Notes = notes,
                };
            }
            start = start with { Exemption = exemption };
            notes.Add($"Exemption '{exemption.Name}' is set aside: exemptions are documented as not working with Resource Provider modes such as {definition.Mode} {PublicSource.PolicyExemptions}{PublicSource.PolicyBasics}; "
                + $"the Azure ML doc counts exemptions among the policy changes that apply {PublicSource.RegistryDeploymentPolicies}. ExemptionHandling.Honour follows the latter.");
        }

        var rule = RuleEvaluator.Evaluate(JsonProperties.Find(definition.PolicyRule, "if")!.Value, "if", context);
        notes.AddRange(context.Notes);
        start = start with { Clause = rule.Clause, Notes = notes };
        return rule.Truth switch
        {
            Truth.False => start with { Verdict = Policy.Verdict.Compliant, Explanation = "Its rule does not fire on this deployment." },
            // The issue asks for an explicit Unknown "with the expression": the clause's path, its JSON and why, said once.
            Truth.Unknown => start with
            {
                Explanation = $"Its rule's clause {rule.Clause.Path}, {rule.Clause.ShortText}, cannot be evaluated on this deployment: {rule.Clause.UnevaluatedReason.TrimEnd('.')}.",
            },
            _ => Fired(start, assignment, effect),
        };
    }

    // The rule fired: the effect and the enforcement mode decide.
    private static AssignmentVerdict Fired(AssignmentVerdict start, PolicyAssignment assignment, string effect)
    {
        if (!Is(effect, "Deny") && !Is(effect, "Audit"))
        {
            return start with { Verdict = Policy.Verdict.OtherEffect, Explanation = $"Its rule fires with effect {effect}, which AmlRbac reports but does not model." };
        }
        return assignment.EnforcementMode switch
        {
            EnforcementMode.DoNotEnforce => start with
            {
                Verdict = Policy.Verdict.DoNotEnforce,
                Explanation = $"Its rule fires with effect {effect}, but the assignment is DoNotEnforce: \"The policy effect is not enforced\" {PublicSource.PolicyAssignmentsApi}.",
            },
            EnforcementMode.Enroll => start with
            {
                Explanation = $"Its rule fires with effect {effect}, but the assignment is Enroll: not enforced until the scope is enrolled {PublicSource.PolicyAssignmentsApi}, which AmlRbac cannot see.",
            },
            _ when Is(effect, "Deny") => start with { Verdict = Policy.Verdict.Deny, Explanation = $"Its rule fires with effect Deny: the deployment is blocked {PublicSource.PolicyDeny}." },
            _ => start with { Verdict = Policy.Verdict.Audit, Explanation = $"Its rule fires with effect Audit: the deployment proceeds and is reported non-compliant {PublicSource.PolicyEffects}." },
        };
    }

    // The first unexpired exemption of this assignment whose scope covers the workspace and, for an initiative
    // member, whose policyDefinitionReferenceIds are empty or name the member [EXEMPT].
    private PolicyExemption? FindExemption(PolicyAssignment assignment, string? referenceId, List<string> notes)
    {
        var now = _options.Clock.GetUtcNow();
        foreach (var exemption in _state.Exemptions)
        {
            if (!string.Equals(exemption.PolicyAssignmentId, assignment.Id, StringComparison.OrdinalIgnoreCase)
                || (referenceId is not null && exemption.PolicyDefinitionReferenceIds.Count > 0
                    && !exemption.PolicyDefinitionReferenceIds.Contains(referenceId, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }
            switch (_reach.Covers(exemption.Scope, _request.Workspace))
            {
                case Reach.No:
                    continue;
                case Reach.Unknown:
                    notes.Add($"Exemption '{exemption.Name}' is at a management group the hierarchy given does not relate to the workspace; it is not applied.");
                    continue;
            }
            if (exemption.ExpiresOn is { } expires && expires <= now)
            {
                // [EXEMPT]: "The policy exemptions isn't deleted when the expiresOn date is reached ... but the exemption is no longer honored."
                notes.Add($"Exemption '{exemption.Name}' expired on {expires:u} and is no longer honoured {PublicSource.PolicyExemptions}.");
                continue;
            }
            return exemption;
        }
        return null;
    }

    private PolicyDefinition? FindDefinition(string id) =>
        _state.Definitions.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? (id.StartsWith(BuiltInPrefix, StringComparison.OrdinalIgnoreCase) ? _options.BuiltInDefinitions(id) : null);

    // The reader guarantees then.effect exists; the built-ins write it "[parameters('effect')]" [POL].
    private static string RuleEffect(PolicyDefinition definition) =>
        JsonProperties.Find(definition.PolicyRule, "then") is { } then && JsonProperties.Find(then, "effect") is { ValueKind: JsonValueKind.String } effect
            ? effect.GetString()!
            : throw new CannotEvaluateException("then.effect is not a string.");

    private static AssignmentVerdict Verdict(PolicyAssignment assignment, Verdict verdict, string explanation) =>
        new() { Assignment = assignment, Verdict = verdict, Explanation = explanation };

    private static bool Is(string effect, string name) => string.Equals(effect, name, StringComparison.OrdinalIgnoreCase);
}
