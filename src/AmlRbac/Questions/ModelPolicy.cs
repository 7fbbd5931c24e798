using AmlRbac.Authoring;
using AmlRbac.Model;
using AmlRbac.Sources;

namespace AmlRbac.Questions;

/// <summary>
/// An authored model guardrail: the assignment to create, and for the custom allow-list the definition to create
/// first, and the request it was authored from. <see cref="Warnings"/> are the definition's then the assignment's, each once.
/// </summary>
public sealed record ModelPolicy(PolicyAssignmentDraft Assignment, CustomDefinitionDraft? Definition, ModelPolicyRequest Request)
{
    public IReadOnlyList<string> Warnings => (Definition?.Warnings ?? Array.Empty<string>()).Concat(Assignment.Warnings).Distinct().ToList();

    /// <summary>
    /// Writes the parameters file (<see cref="PolicyAssignmentDraft.ParametersJson"/>) to <paramref name="path"/>,
    /// whole or not at all. Throws OutFileNotWritten.
    /// </summary>
    public void WriteParametersFile(string path) => WriteFiles(path, null);

    /// <summary>
    /// Writes the parameters file to <paramref name="parametersPath"/> and the custom definition
    /// (<see cref="CustomDefinitionDraft.DefinitionJson"/>, the body of az rest --body @file) to
    /// <paramref name="definitionPath"/>, either may be null. Whole or not at all: every file is first written to a
    /// temporary file beside it, and only when all are written are they moved into place, so a file that cannot be
    /// written leaves none of them changed. Throws OutFileNotWritten, and ParameterCombinationInvalid for a definition
    /// file of a guardrail that assigns a built-in definition.
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
