using System.Globalization;
using System.Text.Json;
using AmlRbac.Model;

namespace AmlRbac.Posture;

/// <summary>
/// One property read from an ARM object for a rule: its path, its value (null when absent) and the evidence text
/// "path = value" or "path: absent". ARM leaves a setting out when it has its default, and Azure Policy reads an
/// absent field as not equal to any value (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions):
/// the rules read an absent setting the same way, and say "absent" in the evidence.
/// </summary>
internal readonly record struct PropertyRead(string Path, JsonElement? Value)
{
    public static PropertyRead Of(ArmResource resource, string path) => new(path, resource.Find(path));

    public bool IsAbsent => Value is null || (Value.Value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(Value.Value.GetString()));

    /// <summary>The value as text: a string as it is, anything else as its JSON; null when absent.</summary>
    public string? Text => Value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => other.GetRawText(),
    };

    /// <summary>True when the value is the string <paramref name="expected"/> (case-insensitive, as ARM's enums are).</summary>
    public bool Is(string expected) => string.Equals(Text, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>True or false for a JSON boolean (or its string spelling); null for anything else or absent.</summary>
    public bool? Bool => Value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when bool.TryParse(s.GetString(), out var b) => b,
        _ => null,
    };

    public string Evidence => IsAbsent ? $"{Path}: absent" : $"{Path} = {Shortened(Text!)}";

    // A value is evidence, not a dump: long ones (an object) are cut; resource ids and key URLs fit.
    private static string Shortened(string text) =>
        text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..197]}...");
}
