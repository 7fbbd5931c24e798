using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Authoring;

/// <summary>
/// What every authored assignment shares, the model guardrails' and the posture initiative's: the checks Azure makes
/// of an effect, a name and a definition's location, and the ARM body of the assignment [ASSIGN].
/// </summary>
internal static class AssignmentDrafting
{
    /// <summary>Throws PolicyParameterInvalid unless <paramref name="effect"/> is one of <paramref name="allowed"/>.</summary>
    public static void CheckEffect(string effect, IReadOnlyList<object?> allowed)
    {
        // [PARAMS]: allowedValues are compared case-sensitively at assignment time.
        if (!allowed.Any(e => string.Equals(e as string, effect, StringComparison.Ordinal)))
        {
            throw Invalid($"The effect '{effect}' is not one of {PolicyValues.Show(allowed)} (compared case-sensitively {PublicSource.PolicyParameters}).");
        }
    }

    /// <summary>A custom definition or initiative is saved at a management group or a subscription [BASICS][SCOPE].</summary>
    public static void CheckDefinitionScope(Scope definitionScope)
    {
        if (definitionScope.Level is not (ScopeLevel.ManagementGroup or ScopeLevel.Subscription))
        {
            throw Invalid($"A custom definition is saved at a management group or a subscription {PublicSource.PolicyBasics}{PublicSource.PolicyScope}, not at '{definitionScope}'.");
        }
    }

    /// <summary>A definition saved at a subscription can be assigned only within it [BASICS][SCOPE].</summary>
    public static void CheckAssignable(CustomDefinitionDraft definition, Scope scope)
    {
        if (definition.DefinitionScope.Level == ScopeLevel.Subscription && !definition.DefinitionScope.IsAtOrAbove(scope))
        {
            throw Invalid($"A definition saved at subscription '{definition.DefinitionScope}' can only be assigned within it {PublicSource.PolicyBasics}{PublicSource.PolicyScope}, not at '{scope}'.");
        }
    }

    /// <summary>The assignment of <paramref name="definitionId"/> (a definition or an initiative) at <paramref name="scope"/>.</summary>
    public static PolicyAssignmentDraft Draft(Scope scope, string definitionId, string defaultName, string defaultDisplayName,
        Dictionary<string, object?> parameters, AssignmentSettings settings, IReadOnlyList<string> warnings)
    {
        var name = string.IsNullOrWhiteSpace(settings.Name) ? defaultName : settings.Name.Trim();
        if (name.Contains('/'))
        {
            throw Invalid($"The assignment name '{name}' cannot contain '/': it is the last segment of the assignment id.");
        }
        var assignment = JsonOutput.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("properties");
            w.WriteString("displayName", settings.DisplayName ?? defaultDisplayName);
            // Also an initiative's id: "The ID of the policy definition or policy set definition being assigned" [SPEC-PA].
            w.WriteString("policyDefinitionId", definitionId);
            w.WritePropertyName("parameters");
            PolicyJsonWriter.WriteParameterValues(w, parameters);
            w.WriteStrings("notScopes", settings.NotScopes.Select(s => s.Value));
            w.WriteString("enforcementMode", settings.EnforcementMode.ToString());
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return new PolicyAssignmentDraft
        {
            Name = name,
            Scope = scope,
            PolicyDefinitionId = definitionId,
            AssignmentJson = assignment,
            ParametersJson = JsonOutput.Build(w => PolicyJsonWriter.WriteParameterValues(w, parameters)),
            ParameterValues = parameters,
            Warnings = warnings,
        };
    }

    public static AmlRbacException Invalid(string message) => new(ErrorIds.PolicyParameterInvalid, FailureCategory.InvalidArgument, message);
}
