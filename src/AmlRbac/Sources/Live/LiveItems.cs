using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Sources.Live;

/// <summary>
/// Turns items of live answers into <see cref="SourceItem"/>s, so they are read by the same shape readers
/// as snapshot files (RoleAssignmentShape, RoleDefinitionShape, DenyAssignmentShape ...). A bad item fails
/// with <see cref="ErrorIds.ArmResponseInvalid"/> naming the request and the item's path in the answer.
/// </summary>
internal static class LiveItems
{
    /// <summary>The origin of the items of one answer, named by its API and request ("Azure Resource Manager GET /…").</summary>
    public static InputOrigin Origin(AzureApi api, string target) =>
        new($"{RestFailure.ApiName(api)} {target}", ErrorIds.ArmResponseInvalid, FailureCategory.InvalidData);

    /// <summary>One item of a list page; <paramref name="path"/> is where it is in the answer ("$.value[3]").</summary>
    public static SourceItem Read(JsonElement element, InputOrigin origin, string path) =>
        JsonValues.From(element) is Dictionary<string, object?> fields
            ? new SourceItem(fields, origin, path)
            : throw origin.Fail(path, "expected an object.");

    /// <summary>The items of a page, with their paths.</summary>
    public static IEnumerable<SourceItem> ReadAll(IReadOnlyList<JsonElement> items, InputOrigin origin) =>
        items.Select((item, index) => Read(item, origin, $"$.value[{index}]"));
}
