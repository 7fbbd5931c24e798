using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// A JSON value read from a policy source, with its JSON path ("$.policyAssignments[2].properties.scope") so a bad
/// value fails with <see cref="ErrorIds.PolicyInvalid"/> naming the source, the path and the problem. Property
/// names match case-insensitively: ARM writes camelCase, Az objects converted to JSON write PascalCase.
/// </summary>
internal readonly record struct PolicyJsonNode(JsonElement Element, string Path, string Source)
{
    public AmlRbacException Fail(string problem) =>
        new(ErrorIds.PolicyInvalid, FailureCategory.InvalidData, $"{Source}: {Path}: {problem}", Source);

    /// <summary>The property, or null when it is missing or JSON null.</summary>
    public PolicyJsonNode? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected an object, found {Describe(Element.ValueKind)}.");
        }
        foreach (var property in Element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : new PolicyJsonNode(property.Value, $"{Path}.{property.Name}", Source);
            }
        }
        return null;
    }

    public PolicyJsonNode Required(string name) =>
        Optional(name) ?? throw Fail($"the property '{name}' is missing.");

    public string? OptionalString(string name)
    {
        var node = Optional(name);
        return node?.Element.ValueKind switch
        {
            null => null,
            JsonValueKind.String => node.Value.Element.GetString(),
            _ => throw node.Value.Fail($"expected a string, found {Describe(node.Value.Element.ValueKind)}."),
        };
    }

    public string RequiredString(string name)
    {
        var text = OptionalString(name);
        return string.IsNullOrWhiteSpace(text) ? throw Fail($"the property '{name}' is missing or empty.") : text;
    }

    public IEnumerable<PolicyJsonNode> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"expected an array, found {Describe(Element.ValueKind)}.");
        }
        var path = Path;
        var source = Source;
        return Element.EnumerateArray().Select((item, index) => new PolicyJsonNode(item, $"{path}[{index}]", source)).ToList();
    }

    public IEnumerable<(string Name, PolicyJsonNode Node)> Properties()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected an object, found {Describe(Element.ValueKind)}.");
        }
        var path = Path;
        var source = Source;
        return Element.EnumerateObject().Select(p => (p.Name, new PolicyJsonNode(p.Value, $"{path}.{p.Name}", source))).ToList();
    }

    /// <summary>The value as a plain value (string, long, double, bool, null, list, case-insensitive dictionary).</summary>
    public object? Value() => JsonValues.From(Element);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
