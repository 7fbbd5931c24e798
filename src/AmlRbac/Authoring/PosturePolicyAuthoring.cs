using System.Text.Json;
using AmlRbac.Catalog;
using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Authoring;

/// <summary>
/// Authors the enforcement of the workspace posture: one initiative (policy set definition, [SPEC-PSD], [INIT]) whose
/// members are the built-in "Machine Learning" definitions that enforce the posture rules the user picks (a rule's
/// policyDefinitionId, with the values of Catalog's <see cref="PostureEnforcements"/>), one member per rule,
/// each member's effect an initiative parameter, and one assignment of it. One initiative rather than one assignment
/// per built-in: one thing to assign, exempt and read compliance of, one parameters file for the Azure CLI and Az.
/// The built-in definitions (whose effect parameter says which effects a member may take) come from the caller:
/// authoring reads no data.
/// </summary>
public sealed class PosturePolicyAuthoring(Func<string, PolicyDefinition?> builtInDefinition)
{
    /// <summary>The initiative's and the assignment's default name: short enough for a management group, where an assignment name has at most 24 characters [ASSIGN].</summary>
    public const string DefaultName = "aml-posture";

    /// <summary>The effects a user asks for; each member takes the asked one, or the audit its definition allows instead.</summary>
    public static readonly IReadOnlyList<string> Effects = new[] { "Deny", "Audit", "Disabled" };

    // When a member cannot take the effect asked: report instead of block, in the form its definition has.
    private static readonly string[] AuditEffects = { "Audit", "AuditIfNotExists" };

    /// <summary>
    /// The initiative of <paramref name="members"/> (each rule with the entry that enforces it), saved at <paramref name="definitionScope"/>, each member's
    /// effect parameter defaulting to <paramref name="effect"/> where its definition allows it, else to its audit
    /// effect (a warning says which). Throws PolicyParameterInvalid.
    /// </summary>
    public PostureInitiative Initiative(Scope definitionScope, IReadOnlyList<(PostureRule Rule, PostureEnforcement Enforcement)> members, string effect, string name = DefaultName)
    {
        AssignmentDrafting.CheckDefinitionScope(definitionScope);
        AssignmentDrafting.CheckEffect(effect, Effects.Cast<object?>().ToList());
        if (members.Count == 0)
        {
            throw AssignmentDrafting.Invalid("The initiative has no member: give at least one rule.");
        }
        var warnings = new List<string>();
        var chosen = new List<(PostureRule Rule, PostureEnforcement Member, PolicyDefinition Definition, string Parameter, string Effect, IReadOnlyList<object?> Allowed)>();
        foreach (var (rule, member) in members.DistinctBy(m => m.Rule.Id, StringComparer.OrdinalIgnoreCase))
        {
            var definition = builtInDefinition(member.DefinitionId)
                ?? throw AssignmentDrafting.Invalid($"The built-in policy definition '{member.DefinitionId}' is not among the embedded ones {PublicSource.BuiltInPolicies}.");
            var allowed = definition.Parameters.TryGetValue("effect", out var parameter) ? parameter.AllowedValues ?? Array.Empty<object?>() : Array.Empty<object?>();
            var taken = new[] { effect }.Concat(effect == "Disabled" ? Array.Empty<string>() : AuditEffects)
                .FirstOrDefault(e => allowed.Any(a => string.Equals(a as string, e, StringComparison.Ordinal)))
                ?? throw AssignmentDrafting.Invalid($"The built-in '{definition.DisplayName}' ({definition.Name}) takes none of the effects {effect}, Audit or AuditIfNotExists (it allows {PolicyValues.Show(allowed)}).");
            if (taken != effect)
            {
                warnings.Add($"{rule.Id}: '{definition.DisplayName}' ({definition.Name}) cannot {effect} (its effects: {string.Join(", ", allowed)}): its member is given {taken}.");
            }
            chosen.Add((rule, member, definition, "effect-" + rule.Id, taken, allowed));
        }
        var json = JsonOutput.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("properties");
            w.WriteString("displayName", "Azure Machine Learning workspace posture");
            w.WriteString("policyType", "Custom");
            w.WriteString("description", "The built-in Machine Learning policies that enforce the workspace and compute posture AmlRbac checks (amlrbac posture, Test-AmlWorkspacePosture).");
            w.WriteStartObject("metadata");
            w.WriteString("category", "Machine Learning");
            w.WriteEndObject();
            w.WriteStartObject("parameters");
            foreach (var c in chosen)
            {
                w.WriteStartObject(c.Parameter);
                w.WriteString("type", "String");
                w.WriteStartObject("metadata");
                w.WriteString("displayName", $"Effect of {c.Rule.Id} ({c.Rule.Name})");
                w.WriteString("description", c.Definition.DisplayName);
                w.WriteEndObject();
                w.WritePropertyName("allowedValues");
                PolicyJsonWriter.WriteValue(w, c.Allowed.ToList());
                w.WriteString("defaultValue", c.Effect);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("policyDefinitions");
            foreach (var c in chosen)
            {
                w.WriteStartObject();
                w.WriteString("policyDefinitionReferenceId", c.Rule.Id);
                w.WriteString("policyDefinitionId", c.Member.DefinitionId);
                w.WriteStartObject("parameters");
                // A member's parameter takes the initiative's through [parameters('...')] [INIT].
                w.WriteStartObject("effect");
                w.WriteString("value", $"[parameters('{c.Parameter}')]");
                w.WriteEndObject();
                foreach (var (parameterName, value) in c.Member.Parameters)
                {
                    w.WriteStartObject(parameterName);
                    w.WritePropertyName("value");
                    value.WriteTo(w);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        warnings.AddRange(chosen.Where(c => c.Member.Why is not null).Select(c => $"{c.Rule.Id}: '{c.Definition.DisplayName}' ({c.Definition.Name}) is given {Show(c.Member.Parameters)}: {c.Member.Why}"));
        var initiative = new CustomDefinitionDraft
        {
            Name = name,
            DefinitionScope = definitionScope,
            DefinitionJson = json,
            IsInitiative = true,
            Warnings = warnings,
        };
        return new PostureInitiative(initiative, chosen.Select(c => new PostureMember(c.Rule, c.Member, c.Definition, c.Parameter, c.Effect)).ToList());
    }

    /// <summary>The assignment of <paramref name="initiative"/> at <paramref name="scope"/>, giving each member's effect. Throws PolicyParameterInvalid.</summary>
    public static PolicyAssignmentDraft Assign(Scope scope, PostureInitiative initiative, AssignmentSettings? settings = null)
    {
        settings ??= AssignmentSettings.Default;
        AssignmentDrafting.CheckAssignable(initiative.Definition, scope);
        var parameters = initiative.Members.ToDictionary(m => m.Parameter, m => (object?)m.Effect);
        var warnings = new List<string>
        {
            $"Nothing that exists is changed: Deny blocks create and update requests, and existing resources that match are marked non-compliant {PublicSource.PolicyDeny}.",
        };
        return AssignmentDrafting.Draft(scope, initiative.Definition.Id, initiative.Definition.Name, "Azure Machine Learning workspace posture", parameters, settings, warnings);
    }

    private static string Show(IReadOnlyDictionary<string, JsonElement> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value.GetRawText()}"));
}

/// <summary>An authored posture initiative and the members it holds, in order.</summary>
public sealed record PostureInitiative(CustomDefinitionDraft Definition, IReadOnlyList<PostureMember> Members);

/// <summary>One member: the rule, the entry that enforces it, its built-in definition, the initiative parameter that carries its effect, and that effect.</summary>
public sealed record PostureMember(PostureRule Rule, PostureEnforcement Enforcement, PolicyDefinition Definition, string Parameter, string Effect);
