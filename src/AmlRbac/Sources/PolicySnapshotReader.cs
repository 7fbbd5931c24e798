using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads the Azure Policy sections of a snapshot document: <c>policyDefinitions</c>, <c>policySetDefinitions</c>,
/// <c>policyAssignments</c> and <c>policyExemptions</c>, each an array of ARM resources as the list operations return
/// them ([SPEC-PA], [SPEC-PD], [SPEC-PSD], [SPEC-EX]; the shapes of their examples, copied to tests/fixtures/policy-arm-examples). A section may also be one
/// pasted list page <c>{"value": [...]}</c>. Every section is optional. A malformed item fails the whole read with
/// <see cref="ErrorIds.PolicyInvalid"/> and its JSON path: nothing is evaluated from a half-read state.
/// </summary>
public static class PolicySnapshotReader
{
    private const string AssignmentsSegment = "/providers/Microsoft.Authorization/policyAssignments/";
    private const string ExemptionsSegment = "/providers/Microsoft.Authorization/policyExemptions/";

    /// <summary>Reads the four policy sections of <paramref name="snapshot"/> (the document's root object).</summary>
    public static PolicyState Read(JsonElement snapshot, string sourceName)
    {
        var root = new PolicyJsonNode(snapshot, "$", sourceName);
        return new PolicyState
        {
            Definitions = Section(root, "policyDefinitions").Select(ReadDefinition).ToList(),
            SetDefinitions = Section(root, "policySetDefinitions").Select(ReadSetDefinition).ToList(),
            Assignments = Section(root, "policyAssignments").Select(ReadAssignment).ToList(),
            Exemptions = Section(root, "policyExemptions").Select(ReadExemption).ToList(),
            Source = sourceName,
        };
    }

    /// <summary>One ARM item as a list or GET answers it (the live source); <paramref name="source"/> and <paramref name="path"/> name it in errors.</summary>
    public static PolicyDefinition ReadDefinition(JsonElement item, string source, string path = "$") => ReadDefinition(new PolicyJsonNode(item, path, source));

    /// <inheritdoc cref="ReadDefinition(JsonElement, string, string)"/>
    public static PolicySetDefinition ReadSetDefinition(JsonElement item, string source, string path = "$") => ReadSetDefinition(new PolicyJsonNode(item, path, source));

    /// <inheritdoc cref="ReadDefinition(JsonElement, string, string)"/>
    public static PolicyAssignment ReadAssignment(JsonElement item, string source, string path = "$") => ReadAssignment(new PolicyJsonNode(item, path, source));

    /// <inheritdoc cref="ReadDefinition(JsonElement, string, string)"/>
    public static PolicyExemption ReadExemption(JsonElement item, string source, string path = "$") => ReadExemption(new PolicyJsonNode(item, path, source));

    private static IEnumerable<PolicyJsonNode> Section(PolicyJsonNode root, string name)
    {
        var section = root.Optional(name);
        if (section is null)
        {
            return Array.Empty<PolicyJsonNode>();
        }
        return section.Value.Element.ValueKind == JsonValueKind.Object ? section.Value.Required("value").Items() : section.Value.Items();
    }

    // ARM nests the payload under "properties"; objects flattened by a client may not.
    private static PolicyJsonNode Properties(PolicyJsonNode item) => item.Optional("properties") ?? item;

    private static string NameOf(PolicyJsonNode item, string id) => item.OptionalString("name") ?? id[(id.LastIndexOf('/') + 1)..];

    internal static PolicyDefinition ReadDefinition(PolicyJsonNode item)
    {
        var id = item.RequiredString("id");
        var properties = Properties(item);
        var rule = properties.Required("policyRule");
        rule.Required("if");
        rule.Required("then").Required("effect");
        return new PolicyDefinition
        {
            Id = id,
            Name = NameOf(item, id),
            DisplayName = properties.OptionalString("displayName"),
            // [SPEC-PD] the REST default is Indexed; [BASICS] "A null mode is the same as using indexed".
            Mode = properties.OptionalString("mode") ?? "Indexed",
            Version = properties.OptionalString("version") ?? properties.Optional("metadata")?.OptionalString("version"),
            PolicyType = properties.OptionalString("policyType"),
            Parameters = ReadParameterDefinitions(properties.Optional("parameters")),
            PolicyRule = rule.Element.Clone(),
        };
    }

    private static PolicySetDefinition ReadSetDefinition(PolicyJsonNode item)
    {
        var id = item.RequiredString("id");
        var properties = Properties(item);
        return new PolicySetDefinition
        {
            Id = id,
            Name = NameOf(item, id),
            DisplayName = properties.OptionalString("displayName"),
            Parameters = ReadParameterDefinitions(properties.Optional("parameters")),
            Members = properties.Required("policyDefinitions").Items().Select(member =>
            {
                var definitionId = member.RequiredString("policyDefinitionId");
                return new PolicySetMember
                {
                    PolicyDefinitionId = definitionId,
                    // Older sets may omit the reference id; the definition's name then identifies the member.
                    PolicyDefinitionReferenceId = member.OptionalString("policyDefinitionReferenceId") ?? definitionId[(definitionId.LastIndexOf('/') + 1)..],
                    Parameters = ReadParameterValues(member.Optional("parameters")),
                };
            }).ToList(),
        };
    }

    private static PolicyAssignment ReadAssignment(PolicyJsonNode item)
    {
        var id = item.RequiredString("id");
        var properties = Properties(item);
        // properties.scope is read-only and holds the assignment scope [SPEC-PA]; the id's prefix says the same.
        var scopeNode = properties.Optional("scope");
        var scope = scopeNode is { } given
            ? ParseScope(given, given.Element.ValueKind == JsonValueKind.String ? given.Element.GetString() : null)
            : ScopeBefore(item, id, AssignmentsSegment);
        return new PolicyAssignment
        {
            Id = id,
            Name = NameOf(item, id),
            DisplayName = properties.OptionalString("displayName"),
            Scope = scope,
            NotScopes = properties.Optional("notScopes")?.Items()
                .Select(n => ParseScope(n, n.Element.ValueKind == JsonValueKind.String ? n.Element.GetString() : null)).ToList()
                ?? (IReadOnlyList<Scope>)Array.Empty<Scope>(),
            PolicyDefinitionId = properties.RequiredString("policyDefinitionId"),
            Parameters = ReadParameterValues(properties.Optional("parameters")),
            EnforcementMode = ReadEnforcementMode(properties),
            HasSelectorsOrOverrides = HasItems(properties.Optional("resourceSelectors")) || HasItems(properties.Optional("overrides")),
        };
    }

    private static PolicyExemption ReadExemption(PolicyJsonNode item)
    {
        var id = item.RequiredString("id");
        var properties = Properties(item);
        var categoryText = properties.RequiredString("exemptionCategory");
        if (!Enum.TryParse<ExemptionCategory>(categoryText, ignoreCase: true, out var category))
        {
            throw properties.Required("exemptionCategory").Fail($"'{categoryText}' is not an exemption category (Waiver or Mitigated {PublicSource.PolicyExemptions}).");
        }
        return new PolicyExemption
        {
            Id = id,
            Name = NameOf(item, id),
            DisplayName = properties.OptionalString("displayName"),
            Scope = ScopeBefore(item, id, ExemptionsSegment),
            PolicyAssignmentId = properties.RequiredString("policyAssignmentId"),
            Category = category,
            ExpiresOn = ReadInstant(properties.Optional("expiresOn")),
            PolicyDefinitionReferenceIds = properties.Optional("policyDefinitionReferenceIds")?.Items()
                .Select(n => n.Element.ValueKind == JsonValueKind.String ? n.Element.GetString()! : throw n.Fail("expected a string.")).ToList()
                ?? (IReadOnlyList<string>)Array.Empty<string>(),
        };
    }

    private static IReadOnlyDictionary<string, PolicyParameterDefinition> ReadParameterDefinitions(PolicyJsonNode? parameters)
    {
        var result = new Dictionary<string, PolicyParameterDefinition>(StringComparer.OrdinalIgnoreCase);
        if (parameters is null)
        {
            return result;
        }
        foreach (var (name, node) in parameters.Value.Properties())
        {
            var defaultValue = node.Optional("defaultValue");
            // A defaultValue written as JSON null is still a default: Optional() hides nulls, so look again.
            var hasDefault = defaultValue is not null || HasNullProperty(node.Element, "defaultValue");
            result[name] = new PolicyParameterDefinition
            {
                Name = name,
                Type = node.RequiredString("type"),
                HasDefaultValue = hasDefault,
                DefaultValue = defaultValue?.Value(),
                AllowedValues = node.Optional("allowedValues")?.Items().Select(v => v.Value()).ToList(),
            };
        }
        return result;
    }

    // Assignments and set members pass values as {"name": {"value": ...}} [ASSIGN][INIT].
    private static IReadOnlyDictionary<string, object?> ReadParameterValues(PolicyJsonNode? parameters)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (parameters is null)
        {
            return result;
        }
        foreach (var (name, node) in parameters.Value.Properties())
        {
            if (node.Element.ValueKind != JsonValueKind.Object || !HasProperty(node.Element, "value"))
            {
                throw node.Fail($"a parameter value is written {{\"value\": ...}} {PublicSource.PolicyAssignments}.");
            }
            result[name] = node.Optional("value")?.Value();
        }
        return result;
    }

    private static EnforcementMode ReadEnforcementMode(PolicyJsonNode properties)
    {
        var text = properties.OptionalString("enforcementMode");
        if (text is null)
        {
            return EnforcementMode.Default; // [SPEC-PA]: the default is Default.
        }
        return Enum.TryParse<EnforcementMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw properties.Required("enforcementMode").Fail($"'{text}' is not an enforcement mode (Default, DoNotEnforce or Enroll {PublicSource.PolicyAssignmentsApi}).");
    }

    private static DateTimeOffset? ReadInstant(PolicyJsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        var text = node.Value.Element.ValueKind == JsonValueKind.String ? node.Value.Element.GetString() : null;
        // expiresOn is UTC ISO 8601 [EXEMPT]; a value without an offset is read as UTC.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw node.Value.Fail($"'{text}' is not an ISO 8601 date and time.");
    }

    private static Scope ScopeBefore(PolicyJsonNode item, string id, string segment)
    {
        var at = id.IndexOf(segment, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            throw item.Required("id").Fail($"'{id}' does not contain '{segment}', so its scope cannot be told.");
        }
        return ParseScope(item.Required("id"), at == 0 ? "/" : id[..at]);
    }

    private static Scope ParseScope(PolicyJsonNode node, string? text) =>
        Scope.TryParse(text, out var scope, out var error) ? scope : throw node.Fail($"'{text}' is not a scope: {error}");

    private static bool HasItems(PolicyJsonNode? node) =>
        node is { } n && n.Element.ValueKind == JsonValueKind.Array && n.Element.GetArrayLength() > 0;

    private static bool HasProperty(JsonElement element, string name) =>
        element.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static bool HasNullProperty(JsonElement element, string name) =>
        element.EnumerateObject().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Null);
}
