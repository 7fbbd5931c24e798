using System.Text.Json;
using System.Text.Json.Nodes;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads one Azure Policy object piped from the Az cmdlets (Get-AzPolicyAssignment, Get-AzPolicyExemption,
/// Get-AzPolicyDefinition, Get-AzPolicySetDefinition), given as its property bag, by rewriting it to the ARM item
/// <see cref="PolicySnapshotReader"/> reads. Az.Resources 7 and later (Azure/azure-powershell
/// src/Resources/Policy.Autorest/custom/Get-AzPolicy*.ps1) write flat objects: Id, Name, Type, and the ARM
/// properties under singular names (Scope, NotScope, Parameter, PolicyDefinitionId, EnforcementMode; ExemptionCategory,
/// ExpiresOn, PolicyAssignmentId, PolicyDefinitionReferenceId; Mode, PolicyRule, PolicyType; PolicyDefinition for an
/// initiative's members). With -BackwardCompatible they add, as the older Az.Resources objects have, a Properties bag
/// with the ARM names (NotScopes, Parameters, PolicyDefinitionReferenceIds, PolicyDefinitions) and ResourceId,
/// ResourceName, ResourceType; the older objects have no Id, only ResourceId (or PolicyAssignmentId,
/// PolicyDefinitionId, PolicySetDefinitionId, PolicyExemptionId). Property names match case-insensitively.
/// </summary>
public static class AzPolicyObjectReader
{
    private static readonly (string Suffix, PolicyObjectKind Kind)[] ResourceTypes =
    {
        ("/policyAssignments", PolicyObjectKind.Assignment),
        ("/policyExemptions", PolicyObjectKind.Exemption),
        ("/policyDefinitions", PolicyObjectKind.Definition),
        ("/policySetDefinitions", PolicyObjectKind.SetDefinition),
    };

    /// <summary>
    /// A <see cref="PolicyAssignment"/>, <see cref="PolicyExemption"/>, <see cref="PolicyDefinition"/> or
    /// <see cref="PolicySetDefinition"/>; null when the item is no policy object (a role assignment, say). A policy
    /// object that cannot be read throws PolicyInvalid naming <paramref name="itemDescription"/> and the property.
    /// </summary>
    public static object? TryRead(IReadOnlyDictionary<string, object?> properties, string itemDescription)
    {
        var bag = new Dictionary<string, object?>(properties, StringComparer.OrdinalIgnoreCase);
        if (Detect(bag) is not { } kind)
        {
            return null;
        }
        var item = JsonSerializer.SerializeToElement(ToArmItem(bag, kind));
        return kind switch
        {
            PolicyObjectKind.Assignment => PolicySnapshotReader.ReadAssignment(item, itemDescription),
            PolicyObjectKind.Exemption => PolicySnapshotReader.ReadExemption(item, itemDescription),
            PolicyObjectKind.Definition => PolicySnapshotReader.ReadDefinition(item, itemDescription),
            _ => PolicySnapshotReader.ReadSetDefinition(item, itemDescription),
        };
    }

    // Az writes the ARM resource type in Type (7+) or ResourceType (older, and -BackwardCompatible); objects built by
    // hand may have neither, and then the fields only a policy object has decide.
    private static PolicyObjectKind? Detect(Dictionary<string, object?> bag)
    {
        var type = Text(bag, "Type") ?? Text(bag, "ResourceType");
        foreach (var (suffix, kind) in ResourceTypes)
        {
            if (type?.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true)
            {
                return kind;
            }
        }
        if (type is not null)
        {
            return null; // another resource type (a role assignment converted from ARM JSON, say)
        }
        var body = bag.GetValueOrDefault("Properties") is IReadOnlyDictionary<string, object?> nested
            ? new Dictionary<string, object?>(nested, StringComparer.OrdinalIgnoreCase)
            : bag;
        if (body.ContainsKey("ExemptionCategory"))
        {
            return PolicyObjectKind.Exemption;
        }
        if (body.ContainsKey("PolicyRule"))
        {
            return PolicyObjectKind.Definition;
        }
        if (body.ContainsKey("PolicyDefinitions") || body.GetValueOrDefault("PolicyDefinition") is System.Collections.IEnumerable and not string)
        {
            return PolicyObjectKind.SetDefinition;
        }
        if (body.ContainsKey("PolicyDefinitionId") && (body.ContainsKey("EnforcementMode") || body.ContainsKey("NotScope") || body.ContainsKey("NotScopes")))
        {
            return PolicyObjectKind.Assignment;
        }
        return null;
    }

    private static JsonObject ToArmItem(Dictionary<string, object?> bag, PolicyObjectKind kind)
    {
        var ownIdName = kind switch
        {
            PolicyObjectKind.Assignment => "PolicyAssignmentId",
            PolicyObjectKind.Exemption => "PolicyExemptionId",
            PolicyObjectKind.Definition => "PolicyDefinitionId",
            _ => "PolicySetDefinitionId",
        };
        var item = new JsonObject();
        if ((Text(bag, "Id") ?? Text(bag, "ResourceId") ?? Text(bag, ownIdName)) is { } id)
        {
            item["id"] = id;
        }
        if ((Text(bag, "Name") ?? Text(bag, "ResourceName")) is { } name)
        {
            item["name"] = name;
        }
        item["properties"] = bag.GetValueOrDefault("Properties") is IReadOnlyDictionary<string, object?> nested
            ? Node(nested)
            : Flat(bag, kind);
        return item;
    }

    // The flat 7+ shape: each ARM property under its Az name (singular where ARM's is plural).
    private static JsonObject Flat(Dictionary<string, object?> bag, PolicyObjectKind kind)
    {
        var names = kind switch
        {
            PolicyObjectKind.Assignment => new[]
            {
                ("displayName", "DisplayName"), ("scope", "Scope"), ("notScopes", "NotScope"), ("policyDefinitionId", "PolicyDefinitionId"),
                ("parameters", "Parameter"), ("enforcementMode", "EnforcementMode"), ("resourceSelectors", "ResourceSelector"), ("overrides", "Override"),
            },
            PolicyObjectKind.Exemption => new[]
            {
                ("displayName", "DisplayName"), ("policyAssignmentId", "PolicyAssignmentId"), ("exemptionCategory", "ExemptionCategory"),
                ("expiresOn", "ExpiresOn"), ("policyDefinitionReferenceIds", "PolicyDefinitionReferenceId"),
            },
            PolicyObjectKind.Definition => new[]
            {
                ("displayName", "DisplayName"), ("mode", "Mode"), ("version", "Version"), ("policyType", "PolicyType"),
                ("parameters", "Parameter"), ("policyRule", "PolicyRule"),
            },
            _ => new[] { ("displayName", "DisplayName"), ("parameters", "Parameter"), ("policyDefinitions", "PolicyDefinition") },
        };
        var properties = new JsonObject();
        foreach (var (arm, az) in names)
        {
            // The plural (ARM) name is taken too: an object written by hand, or by ConvertTo-Json of an ARM answer.
            var value = bag.GetValueOrDefault(az) ?? bag.GetValueOrDefault(arm);
            if (value is not null)
            {
                properties[arm] = arm == "policyDefinitions" ? Members(value) : Node(value);
            }
        }
        return properties;
    }

    // An initiative's members: ARM names (policyDefinitionId, policyDefinitionReferenceId, parameters); Az's model
    // objects name the values Parameter.
    private static JsonNode? Members(object value)
    {
        var members = Node(value);
        if (members is JsonArray array)
        {
            foreach (var member in array.OfType<JsonObject>())
            {
                var singular = member.FirstOrDefault(p => string.Equals(p.Key, "Parameter", StringComparison.OrdinalIgnoreCase));
                if (singular.Key is not null && !member.Any(p => string.Equals(p.Key, "parameters", StringComparison.OrdinalIgnoreCase)))
                {
                    member.Remove(singular.Key);
                    member["parameters"] = singular.Value;
                }
            }
        }
        return members;
    }

    private static JsonNode? Node(object? value) => JsonSerializer.SerializeToNode(value);

    private static string? Text(Dictionary<string, object?> bag, string name) =>
        bag.GetValueOrDefault(name) is string text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private enum PolicyObjectKind
    {
        Assignment,
        Exemption,
        Definition,
        SetDefinition,
    }
}
