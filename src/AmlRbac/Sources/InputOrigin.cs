using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Where items are read from and how a bad one fails: a snapshot file (<see cref="ErrorIds.SnapshotInvalid"/>,
/// InvalidData, paths like "$.roleAssignments[3].properties.scope") or an Az object piped into a cmdlet
/// (<see cref="ErrorIds.InputObjectInvalid"/>, InvalidArgument, paths like "Permissions[0].Actions").
/// </summary>
internal sealed record InputOrigin(string Name, string ErrorId, FailureCategory Category)
{
    public static InputOrigin SnapshotFile(string sourceName) => new(sourceName, ErrorIds.SnapshotInvalid, FailureCategory.InvalidData);

    /// <summary>The strings and scopes this input repeats, kept once while it is read (null: nothing is kept).</summary>
    public StringPool? Strings { get; init; }

    public static InputOrigin PipedObject(string itemDescription) => new(itemDescription, ErrorIds.InputObjectInvalid, FailureCategory.InvalidArgument);

    /// <summary>The error for a problem at <paramref name="path"/> ("" for the item itself).</summary>
    public AmlRbacException Fail(string path, string problem) =>
        new(ErrorId, Category, path.Length == 0 ? $"{Name}: {problem}" : $"{Name}: {path}: {problem}", Name);
}
