using System.Text.Json;

namespace AmlRbac.Policy;

/// <summary>
/// Property lookup in policy JSON without regard to case: the built-ins already vary the case of keys (12e5dd16
/// writes the operator <c>notin</c> [POL]), so keys such as <c>if</c>, <c>then</c>, <c>effect</c> are matched the same way
/// (inference).
/// </summary>
internal static class JsonProperties
{
    public static JsonElement? Find(JsonElement element, string name) =>
        element.ValueKind != JsonValueKind.Object
            ? null
            : element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
}
