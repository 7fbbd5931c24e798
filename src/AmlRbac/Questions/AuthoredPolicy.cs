using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// An authored policy to create: the assignment, and the custom definition or initiative to create first when it
/// assigns one. The model guardrails (<see cref="ModelPolicy"/>) and the posture initiative (<see cref="PosturePolicy"/>)
/// are written to files and rendered the same way. <see cref="Warnings"/> are the definition's then the assignment's, each once.
/// </summary>
public abstract record AuthoredPolicy(PolicyAssignmentDraft Assignment, CustomDefinitionDraft? Definition)
{
    public IReadOnlyList<string> Warnings => (Definition?.Warnings ?? Array.Empty<string>()).Concat(Assignment.Warnings).Distinct().ToList();

    /// <summary>The display name the user gave the assignment; null when the default was used.</summary>
    public abstract string? DisplayName { get; }

    /// <summary>The scopes the assignment leaves out, as the user gave them.</summary>
    public abstract IReadOnlyList<string> NotScopes { get; }

    public abstract EnforcementMode EnforcementMode { get; }

    /// <summary>
    /// Writes the parameters file (<see cref="PolicyAssignmentDraft.ParametersJson"/>) to <paramref name="path"/>,
    /// whole or not at all. Throws OutFileNotWritten.
    /// </summary>
    public void WriteParametersFile(string path) => WriteFiles(path, null);

    /// <summary>
    /// Writes the parameters file to <paramref name="parametersPath"/> and the custom definition or initiative
    /// (<see cref="CustomDefinitionDraft.DefinitionJson"/>, the body of az rest --body @file) to
    /// <paramref name="definitionPath"/>, either may be null. Whole or not at all: every file is first written to a
    /// temporary file beside it, and only when all are written are they moved into place, so a file that cannot be
    /// written leaves none of them changed. Throws OutFileNotWritten, and ParameterCombinationInvalid for a definition
    /// file of a policy that assigns a built-in definition.
    /// </summary>
    public void WriteFiles(string? parametersPath, string? definitionPath)
    {
        if (definitionPath is not null && Definition is null)
        {
            throw new AmlRbacException(ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument,
                $"The definition file '{definitionPath}' goes with the custom allow-list only: the other guardrails assign a built-in definition, which is not created.", definitionPath);
        }
        var files = new List<(string Path, string Text)>();
        if (parametersPath is not null)
        {
            files.Add((parametersPath, Assignment.ParametersJson));
        }
        if (definitionPath is not null)
        {
            files.Add((definitionPath, Definition!.DefinitionJson));
        }
        FileOutput.WriteAll(files, (path, error) =>
        {
            var what = path == parametersPath ? "parameters file" : "definition file";
            var category = error is UnauthorizedAccessException ? FailureCategory.PermissionDenied : FailureCategory.ResourceUnavailable;
            return new AmlRbacException(ErrorIds.OutFileNotWritten, category, $"The {what} '{path}' cannot be written: {error.Message}", path, error);
        });
    }
}
